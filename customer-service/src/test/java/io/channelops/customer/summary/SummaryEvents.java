package io.channelops.customer.summary;

import io.channelops.events.Money;
import io.channelops.events.finance.CreditLimitChanged;
import io.channelops.events.finance.InvoiceIssued;
import io.channelops.events.finance.InvoiceSettled;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderCreditHeld;
import io.channelops.events.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Sample payloads of the events the summary consumes, shaped as order-service and finance-service publish them. */
final class SummaryEvents {

    private SummaryEvents() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    static OrderApproved orderApproved(String orderId, String customerId, String total, String currency,
            Instant approvedAt) {
        return new OrderApproved(orderId, "SO-" + orderId.substring(0, 8), customerId, "u-rep-east1-a",
                List.of(new OrderLine(1, "p-1", 1, new BigDecimal(total))), money(total, currency), approvedAt,
                "/hq/east/team-1");
    }

    static OrderCreditHeld orderCreditHeld(String orderId, String customerId, String total, Instant heldAt) {
        return new OrderCreditHeld(orderId, customerId, money(total, "CNY"),
                "Order amount plus exposure exceeds the credit limit", heldAt);
    }

    static InvoiceIssued invoiceIssued(String invoiceId, String customerId, String total, String currency,
            LocalDate dueDate) {
        return new InvoiceIssued(invoiceId, "INV-" + invoiceId.substring(0, 8), newId(), customerId, newId(),
                money(total, currency), dueDate, Instant.now(), "u-rep-east1-a", "/hq/east/team-1");
    }

    static InvoiceSettled invoiceSettled(String invoiceId, String customerId) {
        return new InvoiceSettled(invoiceId, newId(), customerId, Instant.now());
    }

    static PaymentPosted paymentPosted(String invoiceId, String customerId, String amount, String currency) {
        return new PaymentPosted(newId(), customerId, invoiceId, newId(), money(amount, currency), Instant.now(),
                "u-rep-east1-a", "/hq/east/team-1");
    }

    static CreditLimitChanged creditLimitChanged(String customerId, String limit, String currency) {
        return new CreditLimitChanged(customerId, money(limit, currency), Instant.now());
    }
}
