package io.channelops.finance.receivables.web;

import io.channelops.finance.money.web.MoneyResponse;
import io.channelops.finance.receivables.Invoice;
import io.channelops.finance.receivables.InvoiceLine;
import io.channelops.finance.receivables.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An invoice as the API shows it, with what is paid and still open on it. */
public record InvoiceResponse(String id, String number, String orderId, String customerId, String shipmentId,
        List<Line> lines, MoneyResponse total, MoneyResponse paidAmount, MoneyResponse openBalance,
        InvoiceStatus status, Instant issuedAt, LocalDate dueDate, @Nullable Instant settledAt, long version) {

    /** One invoiced line; {@code amount} = quantity × unit price, rounded half up to two decimals. */
    public record Line(int lineNo, String productId, long quantity, MoneyResponse unitPrice, MoneyResponse amount) {
    }

    static InvoiceResponse of(Invoice invoice) {
        String currency = invoice.currency();
        List<Line> lines = invoice.lines().stream().map(line -> line(line, currency)).toList();
        return new InvoiceResponse(invoice.id(), invoice.number(), invoice.orderId(), invoice.customerId(),
                invoice.shipmentId(), lines, MoneyResponse.of(invoice.total()), MoneyResponse.of(invoice.paid()),
                MoneyResponse.of(invoice.openBalance()), invoice.status(), invoice.issuedAt(), invoice.dueDate(),
                invoice.settledAt(), invoice.version());
    }

    private static Line line(InvoiceLine line, String currency) {
        BigDecimal unitPrice = line.unitPrice();
        return new Line(line.lineNo(), line.productId(), line.quantity(), new MoneyResponse(unitPrice, currency),
                new MoneyResponse(line.amount(), currency));
    }
}
