package io.channelops.logistics.shipment.web;

import java.math.BigDecimal;

/** A money amount on the wire: {@code {"amount": 1280.50, "currency": "CNY"}}. */
public record Money(BigDecimal amount, String currency) {
}
