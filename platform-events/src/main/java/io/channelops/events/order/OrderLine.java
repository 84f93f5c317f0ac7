package io.channelops.events.order;

import java.math.BigDecimal;

/** One line of an order as published: product, quantity and the unit price the order was priced at. */
public record OrderLine(int lineNo, String productId, long quantity, BigDecimal unitPrice) {
}
