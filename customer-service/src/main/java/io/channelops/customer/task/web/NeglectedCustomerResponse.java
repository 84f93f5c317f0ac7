package io.channelops.customer.task.web;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.customer.task.NeglectedCustomer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer nobody has followed up for longer than its level allows, with no open task. */
@Schema(example = """
        {"id": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d", "code": "ACME-SH", "name": "Acme Trading (Shanghai)",
         "level": "KEY", "status": "ACTIVE", "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1",
         "lastActivityAt": "2026-02-10T03:00:00Z", "lastTouchAt": "2026-02-10T03:00:00Z",
         "daysWithoutFollowUp": 20, "followUpDays": 7}""")
public record NeglectedCustomerResponse(
        @Schema(description = "The customer's id") String id, String code, String name, CustomerLevel level,
        CustomerStatus status, String ownerId, String orgPath,
        @Schema(description = "Its last activity; null when it never had one") @Nullable Instant lastActivityAt,
        @Schema(description = "Its last activity, or its registration when it never had one") Instant lastTouchAt,
        @Schema(description = "Whole days since lastTouchAt") long daysWithoutFollowUp,
        @Schema(description = "The days its level allows (channelops.customer.follow-up.days)") int followUpDays) {

    static NeglectedCustomerResponse of(NeglectedCustomer customer) {
        return new NeglectedCustomerResponse(customer.customerId(), customer.code(), customer.name(),
                customer.level(), customer.status(), customer.ownership().ownerId(), customer.ownership().orgPath(),
                customer.lastActivityAt(), customer.lastTouchAt(), customer.daysWithoutFollowUp(),
                customer.followUpDays());
    }
}
