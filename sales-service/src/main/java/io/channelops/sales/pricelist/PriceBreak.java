package io.channelops.sales.pricelist;

import java.math.BigDecimal;

/** From {@code minQuantity} units on, each unit costs {@code price} (in the list's currency). */
public record PriceBreak(int minQuantity, BigDecimal price) {
}
