package io.channelops.customer.summary;

import java.math.BigDecimal;

/** An amount of money in one currency (ISO 4217), as summed by the summary. */
public record Amount(BigDecimal amount, String currency) {
}
