package io.channelops.sales.customer;

/**
 * How customer-service classifies a customer, as last heard from its events.
 *
 * @param customerId the customer's id (the surviving one, when the asked-for customer was merged into it)
 * @param type e.g. {@code DISTRIBUTOR}
 * @param regionCode e.g. {@code EAST}
 * @param level {@code KEY}, {@code NORMAL} or {@code MINOR}
 * @param status e.g. {@code ACTIVE}
 */
public record CustomerClassification(String customerId, String type, String regionCode, String level,
        String status) {
}
