package io.channelops.sales.pricelist;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channelops.sales.prices.*}.
 *
 * @param timeZone {@code PRICES_TIME_ZONE}, default {@code UTC}: the zone whose calendar date is "today" for a price
 *     asked without a date and for expiring lists
 * @param expiryInterval {@code PRICES_EXPIRY_INTERVAL}, default 15 minutes: how often ACTIVE lists past their end date
 *     are marked EXPIRED (the effective price respects dates whatever the status says)
 * @param expiryBatchSize how many lists one expiry run marks at most, default 100
 */
@ConfigurationProperties("channelops.sales.prices")
public record PriceListSettings(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("15m") Duration expiryInterval,
        @DefaultValue("100") int expiryBatchSize) {
}
