package io.channelops.events;

import java.math.BigDecimal;

/** A money amount as it appears in event payloads: {@code {"amount": 1280.50, "currency": "CNY"}}. */
public record Money(BigDecimal amount, String currency) {
}
