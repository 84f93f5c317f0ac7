package io.channelops.customer.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customer archive ({@code channelops.customer.archive.*}).
 *
 * @param defaultCountryCode calling code given to phone numbers written without one ({@code +}/{@code 00}), e.g.
 *     {@code 86}; env {@code CUSTOMER_DEFAULT_COUNTRY_CODE}
 * @param treeMaxDepth how many levels a relationship tree may have (a root alone is one level); env
 *     {@code CUSTOMER_TREE_MAX_DEPTH}
 * @param exportFetchSize JDBC fetch size of the export's query; {@code Integer.MIN_VALUE} makes MySQL Connector/J
 *     stream rows one by one; env {@code CUSTOMER_EXPORT_FETCH_SIZE}
 */
@ConfigurationProperties("channelops.customer.archive")
public record ArchiveProperties(@DefaultValue("86") String defaultCountryCode, @DefaultValue("10") int treeMaxDepth,
        @DefaultValue("-2147483648") int exportFetchSize) {

    public ArchiveProperties {
        if (!defaultCountryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("defaultCountryCode must be 1 to 3 digits, got " + defaultCountryCode);
        }
        if (treeMaxDepth < 2 || treeMaxDepth > 50) {
            throw new IllegalArgumentException("treeMaxDepth must be between 2 and 50, got " + treeMaxDepth);
        }
    }
}
