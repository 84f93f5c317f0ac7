package io.channelops.customer.customer.web;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer as the API shows it. */
public record CustomerResponse(String id, String code, String name, CustomerType type, String regionCode,
        @Nullable String email, Instant createdAt, Instant updatedAt, long version) {

    static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.id(), customer.code(), customer.name(), customer.type(),
                customer.regionCode(), customer.email(), customer.createdAt(), customer.updatedAt(),
                customer.version());
    }
}
