package io.channelops.kpi.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.channelops.events.Money;
import io.channelops.events.order.OrderApproved;
import io.channelops.kpi.KpiEvents;
import io.channelops.platform.security.Ownership;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderFactTest {

    private static final String ORG_PATH = "/hq/east/team-1";

    private static OrderApproved approved(String orderId, String customerId, String repId, Money total) {
        return new OrderApproved(orderId, "SO-1", customerId, repId, List.of(), total,
                Instant.parse("2026-03-01T08:30:00Z"), ORG_PATH);
    }

    @Test
    void takesTheOrderRepCustomerTotalAndApprovalTimeFromTheEvent() {
        OrderApproved event = KpiEvents.orderApproved("o-1", "c-1", "r-1", "1280.5", "CNY");
        OrderFact fact = OrderFact.of(event);
        assertThat(fact.orderId()).isEqualTo("o-1");
        assertThat(fact.customerId()).isEqualTo("c-1");
        assertThat(fact.salesRepId()).isEqualTo("r-1");
        assertThat(fact.total()).isEqualTo(new BigDecimal("1280.50"));
        assertThat(fact.currency()).isEqualTo("CNY");
        assertThat(fact.approvedAt()).isEqualTo(event.approvedAt());
    }

    @Test
    void belongsToTheOrdersSalesRepInTheOrgPathOfTheEvent() {
        OrderFact fact = OrderFact.of(KpiEvents.orderApproved("o-1", "c-1", "r-1", "/hq/west/team-1", "5", "CNY"));
        assertThat(fact.ownership()).isEqualTo(new Ownership("r-1", "/hq/west/team-1"));
    }

    @Test
    void refusesAMissingOrMalformedOrgPath() {
        Money one = new Money(BigDecimal.ONE, "CNY");
        Instant at = Instant.now();
        for (String missing : new String[] {null, "", " "}) {
            assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                    new OrderApproved("o", "n", "c", "r", List.of(), one, at, missing)))
                    .withMessageContaining("orgPath is missing");
        }
        for (String bad : List.of("hq/east", "/", "/hq/", "/hq//east", "/hq/ east")) {
            assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                    new OrderApproved("o", "n", "c", "r", List.of(), one, at, bad)))
                    .withMessageContaining("orgPath is not an org path");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved("o", "n", "c", "r", List.of(), one, at, "/" + "x".repeat(255))))
                .withMessageContaining("orgPath is longer than 255");
        assertThat(OrderFact.of(new OrderApproved("o", "n", "c", "r", List.of(), one, at, "/" + "x".repeat(254)))
                .ownership().orgPath()).hasSize(255);
    }

    @Test
    void acceptsTrailingZerosBeyondTwoDecimalsButNotAThirdDecimal() {
        assertThat(OrderFact.of(approved("o", "c", "r", new Money(new BigDecimal("10.5000"), "CNY"))).total())
                .isEqualTo(new BigDecimal("10.50"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderFact.of(approved("o", "c", "r", new Money(new BigDecimal("10.005"), "CNY"))))
                .withMessageContaining("more than 2 decimals");
    }

    @Test
    void refusesANegativeTotalAndMoreThanFifteenIntegerDigits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderFact.of(approved("o", "c", "r", new Money(new BigDecimal("-1"), "CNY"))))
                .withMessageContaining("total.amount is negative");
        assertThat(OrderFact.of(approved("o", "c", "r", new Money(new BigDecimal("999999999999999.99"), "CNY")))
                .total()).isEqualTo(new BigDecimal("999999999999999.99"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderFact.of(
                        approved("o", "c", "r", new Money(new BigDecimal("1000000000000000"), "CNY"))))
                .withMessageContaining("15 integer digits");
    }

    @Test
    void refusesACurrencyThatIsNotAnIsoCode() {
        for (String currency : List.of("cny", "CN", "CNYY", "C1Y")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> OrderFact.of(approved("o", "c", "r", new Money(BigDecimal.ONE, currency))))
                    .withMessageContaining("total.currency");
        }
    }

    @Test
    void refusesMissingValues() {
        Instant at = Instant.now();
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(null))
                .withMessageContaining("OrderApproved is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved(null, "n", "c", "r", List.of(), new Money(BigDecimal.ONE, "CNY"), at, ORG_PATH)))
                .withMessageContaining("orderId is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved("o", "n", " ", "r", List.of(), new Money(BigDecimal.ONE, "CNY"), at, ORG_PATH)))
                .withMessageContaining("customerId is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved("o", "n", "c", null, List.of(), new Money(BigDecimal.ONE, "CNY"), at, ORG_PATH)))
                .withMessageContaining("salesRepId is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved("o", "n", "c", "r", List.of(), null, at, ORG_PATH)))
                .withMessageContaining("total is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved("o", "n", "c", "r", List.of(), new Money(null, "CNY"), at, ORG_PATH)))
                .withMessageContaining("total.amount is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved("o", "n", "c", "r", List.of(), new Money(BigDecimal.ONE, null), at, ORG_PATH)))
                .withMessageContaining("total.currency is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderFact.of(
                new OrderApproved("o", "n", "c", "r", List.of(), new Money(BigDecimal.ONE, "CNY"), null, ORG_PATH)))
                .withMessageContaining("approvedAt is missing");
    }

    @Test
    void refusesIdsLongerThanSixtyFourCharacters() {
        String longId = "x".repeat(65);
        assertThat(OrderFact.of(approved("x".repeat(64), "c", "r", new Money(BigDecimal.ONE, "CNY"))).orderId())
                .hasSize(64);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderFact.of(approved(longId, "c", "r", new Money(BigDecimal.ONE, "CNY"))))
                .withMessageContaining("orderId is longer than 64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderFact.of(approved("o", "c", longId, new Money(BigDecimal.ONE, "CNY"))))
                .withMessageContaining("salesRepId is longer than 64");
    }
}
