package io.channelops.customer.customer.web;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the API shows it. {@code ownerId} and {@code orgPath} are read-only: the server sets them on
 * registration (the caller) and on reassignment.
 */
public record CustomerResponse(String id, String code, String name, CustomerType type, String regionCode,
        @Nullable String email,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The owning user or client")
        String ownerId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The org unit the customer belongs to",
                example = "/hq/east/team-1")
        String orgPath,
        Instant createdAt, Instant updatedAt, long version) {

    static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.id(), customer.code(), customer.name(), customer.type(),
                customer.regionCode(), customer.email(), customer.ownership().ownerId(),
                customer.ownership().orgPath(), customer.createdAt(), customer.updatedAt(), customer.version());
    }
}
