package io.channelops.events.sales;

import java.math.BigDecimal;

/**
 * One line of an accepted quote: product, quantity, the unit price agreed (after discount) and the list price it was
 * quoted from, in the quote's currency.
 */
public record QuoteLine(int lineNo, String productId, String sku, long quantity, BigDecimal unitPrice,
        BigDecimal listUnitPrice) {
}
