package io.channelops.customer.summary;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customer 360 summary, under {@code channelops.customer.summary.*}.
 *
 * @param zone the business time zone: which calendar year and day an order's approval falls on (year-to-date
 *        sales, order days of the churn rule) and which day "today" is when invoices are judged overdue
 *        ({@code CUSTOMER_SUMMARY_ZONE}, default {@code Asia/Shanghai})
 * @param churnRecentOrders how many of the customer's most recent orders define their usual order interval (the
 *        median of the gaps between their order days), so older habits are forgotten
 *        ({@code CUSTOMER_SUMMARY_CHURN_RECENT_ORDERS}, default 24, at least 2)
 */
@ConfigurationProperties("channelops.customer.summary")
public record SummarySettings(@DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("24") int churnRecentOrders) {

    public SummarySettings {
        if (churnRecentOrders < 2) {
            throw new IllegalArgumentException(
                    "channelops.customer.summary.churn-recent-orders must be at least 2: " + churnRecentOrders);
        }
    }
}
