package io.channelops.kpi.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.channelops.events.Money;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.kpi.KpiEvents;
import io.channelops.platform.security.Ownership;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentFactTest {

    private static final Instant AT = Instant.parse("2026-03-20T02:00:00Z");
    private static final String ORG_PATH = "/hq/east/team-1";

    @Test
    void takesThePaymentOrderCustomerAmountAndPostingTimeFromTheEvent() {
        PaymentPosted event = KpiEvents.paymentPosted("p-1", "o-1", "c-1", "80", "USD");
        PaymentFact fact = PaymentFact.of(event);
        assertThat(fact.paymentId()).isEqualTo("p-1");
        assertThat(fact.orderId()).isEqualTo("o-1");
        assertThat(fact.customerId()).isEqualTo("c-1");
        assertThat(fact.amount()).isEqualTo(new BigDecimal("80.00"));
        assertThat(fact.currency()).isEqualTo("USD");
        assertThat(fact.postedAt()).isEqualTo(event.postedAt());
    }

    @Test
    void belongsToTheOwnerAndOrgPathTheEventCarries() {
        PaymentFact fact = PaymentFact.of(KpiEvents.paymentPosted("p-1", "o-1", "c-1", "r-1", "/hq/west", "8", "USD"));
        assertThat(fact.ownership()).isEqualTo(new Ownership("r-1", "/hq/west"));
    }

    @Test
    void refusesAPaymentWithoutOwnerOrOrgPath() {
        Money one = new Money(BigDecimal.ONE, "CNY");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", one, AT, null, ORG_PATH)))
                .withMessageContaining("ownerId is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", one, AT, "x".repeat(65), ORG_PATH)))
                .withMessageContaining("ownerId is longer than 64");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", one, AT, "r", null)))
                .withMessageContaining("orgPath is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", one, AT, "r", "east")))
                .withMessageContaining("orgPath is not an org path");
    }

    @Test
    void refusesAPaymentWithoutAnOrderToAttributeItTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "", new Money(BigDecimal.ONE, "CNY"), AT, "r", ORG_PATH)))
                .withMessageContaining("orderId is missing");
    }

    @Test
    void refusesMissingOrUnstorableValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(null))
                .withMessageContaining("PaymentPosted is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted(null, "c", "i", "o", new Money(BigDecimal.ONE, "CNY"), AT, "r", ORG_PATH)))
                .withMessageContaining("paymentId is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", null, "i", "o", new Money(BigDecimal.ONE, "CNY"), AT, "r", ORG_PATH)))
                .withMessageContaining("customerId is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", new Money(new BigDecimal("-0.01"), "CNY"), AT, "r", ORG_PATH)))
                .withMessageContaining("amount.amount is negative");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", new Money(new BigDecimal("0.001"), "CNY"), AT, "r", ORG_PATH)))
                .withMessageContaining("more than 2 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", new Money(BigDecimal.ONE, "usd"), AT, "r", ORG_PATH)))
                .withMessageContaining("amount.currency");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentFact.of(
                new PaymentPosted("p", "c", "i", "o", new Money(BigDecimal.ONE, "CNY"), null, "r", ORG_PATH)))
                .withMessageContaining("postedAt is missing");
    }

    @Test
    void doesNotNeedTheInvoiceId() {
        assertThat(PaymentFact.of(
                new PaymentPosted("p", "c", null, "o", new Money(BigDecimal.TEN, "CNY"), AT, "r", ORG_PATH))
                .amount()).isEqualTo(new BigDecimal("10.00"));
    }
}
