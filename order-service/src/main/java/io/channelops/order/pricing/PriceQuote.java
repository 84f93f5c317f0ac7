package io.channelops.order.pricing;

import java.math.BigDecimal;

/**
 * The effective unit price of a product for a customer and quantity.
 *
 * @param unitPrice at most 2 decimals
 * @param source where sales-service took it from, e.g. {@code LIST_PRICE}
 */
public record PriceQuote(String productId, BigDecimal unitPrice, String currency, String source) {
}
