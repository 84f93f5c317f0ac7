package io.channelops.order.order.web;

import io.channelops.order.order.Money;
import io.channelops.order.order.Order;
import io.channelops.order.order.OrderLine;
import io.channelops.order.order.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it.
 *
 * @param creditHoldReason why finance refused the amount, while on (or after) a credit hold
 * @param creditCheck how the credit gate went so far
 * @param quote the accepted quote of sales-service the order was created from; absent for an order entered directly
 */
public record OrderResponse(String id, String number, String customerId, String salesRepId, String currency,
        @Nullable QuoteRef quote, OrderStatus status, List<Line> lines, Money total, @Nullable String creditHoldReason, CreditCheck creditCheck,
        Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, @Nullable Instant approvedAt,
        @Nullable Instant cancelledAt, @Nullable Instant backorderedAt, @Nullable Instant shippedAt, long version) {

    /** The quote an order was created from: its id, number and version. */
    public record QuoteRef(String id, String number, int version) {
    }

    /** One order line, its price and how much of it has shipped. */
    public record Line(int lineNo, String productId, long quantity, Money unitPrice, Money lineTotal,
            String priceSource, long shippedQuantity) {
    }

    /**
     * @param attempts credit checks made so far
     * @param lastError why the last check got no decision, while the order waits for one
     * @param nextAttemptAt when the background re-check tries again, while the order waits
     */
    public record CreditCheck(int attempts, @Nullable Instant lastCheckedAt, @Nullable String lastError,
            @Nullable Instant nextAttemptAt) {
    }

    static OrderResponse of(Order order) {
        String currency = order.currency();
        boolean pending = order.status() == OrderStatus.CREDIT_CHECK_PENDING;
        QuoteRef quote = order.quoteId() == null ? null : new QuoteRef(order.quoteId(),
                order.quoteNumber() == null ? "" : order.quoteNumber(),
                order.quoteVersion() == null ? 1 : order.quoteVersion());
        return new OrderResponse(order.id(), order.number(), order.customerId(), order.salesRepId(), currency,
                quote, order.status(), order.lines().stream().map(line -> line(line, currency)).toList(),
                new Money(order.total(), currency), order.creditHoldReason(),
                new CreditCheck(order.creditCheckAttempts(), order.creditCheckedAt(),
                        pending ? order.creditCheckError() : null, pending ? order.creditRecheckAfter() : null),
                order.createdAt(), order.updatedAt(), order.submittedAt(), order.approvedAt(), order.cancelledAt(),
                order.backorderedAt(), order.shippedAt(), order.version());
    }

    private static Line line(OrderLine line, String currency) {
        return new Line(line.lineNo(), line.productId(), line.quantity(), new Money(line.unitPrice(), currency),
                new Money(line.lineTotal(), currency), line.priceSource(), line.shippedQuantity());
    }
}
