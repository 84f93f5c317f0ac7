package io.channelops.finance.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.finance.PaymentPosted;
import io.channelops.finance.money.Money;
import io.channelops.platform.security.Ownership;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Ownership INVOICE_OWNER = new Ownership("u-rep-east1-a", "/hq/east/team-1");

    @Test
    void postingAPaymentRaisesPaymentPostedWithTheInvoicesOrderAndOwnership() {
        Payment payment = Payment.post("c-1", "i-1", "o-1", Money.of("250.5", "CNY"), "BANK-1", INVOICE_OWNER, NOW);
        assertThat(payment.ownership()).isEqualTo(INVOICE_OWNER);
        assertThat(payment.status()).isEqualTo(PaymentStatus.POSTED);
        assertThat(payment.amount()).isEqualTo(Money.of("250.50", "CNY"));
        assertThat(payment.pendingEvents()).singleElement().isInstanceOfSatisfying(PaymentPosted.class, e -> {
            assertThat(e.paymentId()).isEqualTo(payment.id());
            assertThat(e.invoiceId()).isEqualTo("i-1");
            assertThat(e.orderId()).isEqualTo("o-1");
            assertThat(e.amount().amount()).isEqualByComparingTo("250.50");
            assertThat(e.postedAt()).isEqualTo(NOW);
            assertThat(e.ownerId()).isEqualTo("u-rep-east1-a");
            assertThat(e.orgPath()).isEqualTo("/hq/east/team-1");
        });
    }

    @Test
    void refusesAPaymentOfZero() {
        assertThatThrownBy(() -> Payment.post("c-1", "i-1", "o-1", Money.zero("CNY"), null, INVOICE_OWNER, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
