package io.channelops.customer.ownership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a bulk assignment did: every listed customer now belongs to {@code ownerId} at {@code orgPath}. */
@Schema(example = """
        {"ownerId": "u-rep-east1-b", "orgPath": "/hq/east/team-1", "assigned": 2,
         "customers": [{"id": "5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10", "code": "ACME-SH",
                        "name": "Acme Trading (Shanghai)", "type": "DISTRIBUTOR", "regionCode": "EAST",
                        "level": "NORMAL", "status": "ACTIVE", "ownerId": "u-rep-east1-b",
                        "orgPath": "/hq/east/team-1", "inOpenPool": false, "createdAt": "2026-08-01T09:00:00Z",
                        "updatedAt": "2026-10-03T02:00:00Z", "version": 4}]}""")
public record BulkAssignResponse(String ownerId, String orgPath, int assigned, List<OwnedCustomerResponse> customers) {
}
