package io.channelops.customer.ownership.web;

import io.channelops.customer.customer.Customer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer as the ownership and pool endpoints show it: who holds it, where, and when it was last touched. */
@Schema(example = """
        {"id": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10", "code": "ACME-SH", "name": "Acme Trading (Shanghai)",
         "type": "DISTRIBUTOR", "regionCode": "EAST", "level": "NORMAL", "status": "PROSPECT",
         "ownerId": "pool", "orgPath": "/hq/east/team-1", "inOpenPool": true,
         "lastActivityAt": "2026-09-02T08:15:00Z", "createdAt": "2026-08-01T09:00:00Z",
         "updatedAt": "2026-10-03T02:00:00Z", "version": 3}""")
public record OwnedCustomerResponse(String id, String code, String name, String type, String regionCode,
        String level, String status,
        @Schema(description = "The owning user, or `pool` while the customer waits in the open pool")
        String ownerId,
        @Schema(description = "The org unit the customer belongs to; for a pool customer, whose pool it is in")
        String orgPath,
        boolean inOpenPool, @Nullable Instant lastActivityAt, @Nullable Instant lastOrderAt, Instant createdAt,
        Instant updatedAt, long version) {

    static OwnedCustomerResponse of(Customer customer) {
        return new OwnedCustomerResponse(customer.id(), customer.code(), customer.name(), customer.type().name(),
                customer.regionCode(), customer.level().name(), customer.status().name(),
                customer.ownership().ownerId(), customer.ownership().orgPath(), customer.inOpenPool(),
                customer.lastActivityAt(), customer.lastOrderAt(), customer.createdAt(), customer.updatedAt(),
                customer.version());
    }
}
