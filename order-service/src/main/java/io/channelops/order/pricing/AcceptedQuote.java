package io.channelops.order.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quote of sales-service that its customer accepted and that is still valid: what an order is created from.
 *
 * @param ownerId the quote's owner (its sales rep), who will own the order
 * @param orgPath the org unit the quote lives in
 */
public record AcceptedQuote(String id, String number, int version, String customerId, String currency,
        List<Line> lines, String ownerId, String orgPath) {

    /** A line at the price agreed in the quote (at most 2 decimals). */
    public record Line(String productId, long quantity, BigDecimal unitPrice) {
    }
}
