package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.LossReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A reason deals can be lost for. */
@Schema(example = """
        {"code": "PRICE", "name": "Price too high", "sortOrder": 10, "active": true,
         "updatedAt": "2026-09-01T08:00:00Z", "version": 0}""")
public record LossReasonResponse(String code, String name, int sortOrder, boolean active, Instant updatedAt,
        long version) {

    static LossReasonResponse of(LossReason reason) {
        return new LossReasonResponse(reason.code(), reason.name(), reason.sortOrder(), reason.active(),
                reason.updatedAt(), reason.version());
    }
}
