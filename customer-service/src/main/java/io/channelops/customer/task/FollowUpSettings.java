package io.channelops.customer.task;

import io.channelops.customer.customer.CustomerLevel;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channelops.customer.follow-up.*}.
 *
 * @param days per customer level, after how many days without an activity (or since registration, when it never had
 *     one) a customer without an open task counts as neglected; levels not set: KEY 7, NORMAL 30, MINOR 90
 * @param timeZone the business time zone that decides what "today" is for due-today and overdue tasks
 */
@ConfigurationProperties("channelops.customer.follow-up")
public record FollowUpSettings(@Nullable Map<CustomerLevel, Integer> days, @DefaultValue("UTC") ZoneId timeZone) {

    static final Map<CustomerLevel, Integer> DEFAULT_DAYS = Map.of(CustomerLevel.KEY, 7, CustomerLevel.NORMAL, 30,
            CustomerLevel.MINOR, 90);

    public FollowUpSettings {
        EnumMap<CustomerLevel, Integer> complete = new EnumMap<>(DEFAULT_DAYS);
        if (days != null) {
            complete.putAll(days);
        }
        complete.forEach((level, value) -> {
            if (value == null || value < 1 || value > 3650) {
                throw new IllegalArgumentException("channelops.customer.follow-up.days." + level
                        + " must be between 1 and 3650, not " + value);
            }
        });
        days = Map.copyOf(complete);
    }

    /** The days without follow-up after which a customer of {@code level} is neglected. */
    public int daysFor(CustomerLevel level) {
        Map<CustomerLevel, Integer> all = days();
        return all == null ? DEFAULT_DAYS.get(level) : all.get(level);
    }
}
