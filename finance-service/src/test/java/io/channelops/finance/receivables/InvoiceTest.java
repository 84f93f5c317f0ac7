package io.channelops.finance.receivables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.finance.InvoiceIssued;
import io.channelops.events.finance.InvoiceSettled;
import io.channelops.finance.money.Money;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T23:30:00Z");
    private static final Ownership ORDER_OWNER = new Ownership("u-rep-east1-a", "/hq/east/team-1");

    private static Invoice invoice(Invoice.LineItem... items) {
        return Invoice.issue("INV-20250301-ABCDEF", "o-1", "c-1", "s-1", "CNY", List.of(items), ORDER_OWNER,
                NOW);
    }

    private static Invoice.LineItem item(String product, long quantity, String unitPrice) {
        return new Invoice.LineItem(product, quantity, new BigDecimal(unitPrice));
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
        }
        catch (ApiProblem problem) {
            return problem.code();
        }
        throw new AssertionError("expected an ApiProblem");
    }

    @Test
    void totalsTheLinesEachRoundedHalfUpAndIsDueThirtyDaysAfterTheIssueDateAndKeepsTheOrdersOwnership() {
        Invoice invoice = invoice(item("p-1", 3, "33.335"), item("p-2", 2, "10.50"), item("p-3", 1, "0.005"));
        assertThat(invoice.lines()).extracting(InvoiceLine::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100.01"), new BigDecimal("21.00"), new BigDecimal("0.01"));
        assertThat(invoice.lines()).extracting(InvoiceLine::lineNo).containsExactly(1, 2, 3);
        assertThat(invoice.total()).isEqualTo(cny("121.02"));
        assertThat(invoice.openBalance()).isEqualTo(cny("121.02"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(invoice.ownership()).isEqualTo(ORDER_OWNER);
        assertThat(invoice.pendingEvents()).singleElement().isInstanceOfSatisfying(InvoiceIssued.class, e -> {
            assertThat(e.invoiceId()).isEqualTo(invoice.id());
            assertThat(e.shipmentId()).isEqualTo("s-1");
            assertThat(e.total().amount()).isEqualByComparingTo("121.02");
            assertThat(e.dueDate()).isEqualTo(LocalDate.of(2025, 3, 31));
            assertThat(e.ownerId()).isEqualTo("u-rep-east1-a");
            assertThat(e.orgPath()).isEqualTo("/hq/east/team-1");
        });
    }

    @Test
    void showsUnitPricesWithAtLeastTwoDecimals() {
        Invoice invoice = invoice(item("p-1", 1, "12.5"), item("p-2", 1, "0.1250"));
        assertThat(invoice.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("12.50"));
        assertThat(invoice.lines().get(1).unitPrice()).isEqualTo(new BigDecimal("0.125"));
    }

    @Test
    void refusesAnInvoiceWithoutLinesOrWithBadLines() {
        assertThatThrownBy(() -> invoice()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoice(item("p-1", 0, "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoice(item("p-1", 1, "-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialPaymentsReduceTheOpenBalanceAndTheLastOneSettlesTheInvoice() {
        Invoice invoice = invoice(item("p-1", 4, "25"));
        invoice.applyPayment(cny("40"), NOW);
        assertThat(invoice.paid()).isEqualTo(cny("40"));
        assertThat(invoice.openBalance()).isEqualTo(cny("60"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(invoice.pendingEvents()).hasSize(1);

        Instant later = NOW.plusSeconds(3600);
        invoice.applyPayment(cny("60"), later);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.openBalance()).isEqualTo(cny("0"));
        assertThat(invoice.settledAt()).isEqualTo(later);
        assertThat(invoice.pendingEvents()).hasSize(2).last().isInstanceOfSatisfying(InvoiceSettled.class, e -> {
            assertThat(e.invoiceId()).isEqualTo(invoice.id());
            assertThat(e.orderId()).isEqualTo("o-1");
            assertThat(e.settledAt()).isEqualTo(later);
        });
    }

    @Test
    void refusesOverpaymentAndLeavesTheInvoiceAsItWas() {
        Invoice invoice = invoice(item("p-1", 1, "100"));
        invoice.applyPayment(cny("99.99"), NOW);
        assertThat(codeOf(() -> invoice.applyPayment(cny("0.02"), NOW))).isEqualTo("OVERPAYMENT");
        assertThat(invoice.paid()).isEqualTo(cny("99.99"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void refusesAnotherCurrencyAndAmountsThatAreNotPositive() {
        Invoice invoice = invoice(item("p-1", 1, "100"));
        assertThat(codeOf(() -> invoice.applyPayment(Money.of("10", "USD"), NOW))).isEqualTo("CURRENCY_MISMATCH");
        assertThat(codeOf(() -> invoice.applyPayment(cny("0"), NOW))).isEqualTo("INVALID_PAYMENT_AMOUNT");
        assertThat(codeOf(() -> invoice.applyPayment(cny("-5"), NOW))).isEqualTo("INVALID_PAYMENT_AMOUNT");
        assertThat(invoice.paid()).isEqualTo(cny("0"));
    }

    @Test
    void refusesPaymentsOnAPaidInvoiceWithAConflict() {
        Invoice invoice = invoice(item("p-1", 1, "100"));
        invoice.applyPayment(cny("100"), NOW);
        ApiProblem problem = org.junit.jupiter.api.Assertions.assertThrows(ApiProblem.class,
                () -> invoice.applyPayment(cny("1"), NOW));
        assertThat(problem.code()).isEqualTo("INVOICE_ALREADY_PAID");
        assertThat(problem.status().value()).isEqualTo(409);
    }

    @Test
    void anInvoiceOfZeroIsSettledWhenIssued() {
        Invoice invoice = invoice(item("p-1", 5, "0"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.pendingEvents()).hasSize(2).last().isInstanceOf(InvoiceSettled.class);
    }
}
