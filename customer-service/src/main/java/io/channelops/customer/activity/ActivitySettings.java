package io.channelops.customer.activity;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channelops.customer.activity.*}.
 *
 * @param futureTolerance how far in the future an activity's {@code occurredAt} may lie (clock skew of the client)
 * @param timeZone the business time zone: an activity may be corrected by its author until the end of the day it
 *     was logged on, in this zone
 */
@ConfigurationProperties("channelops.customer.activity")
public record ActivitySettings(@DefaultValue("5m") Duration futureTolerance, @DefaultValue("UTC") ZoneId timeZone) {

    public ActivitySettings {
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("channelops.customer.activity.future-tolerance must not be negative");
        }
    }
}
