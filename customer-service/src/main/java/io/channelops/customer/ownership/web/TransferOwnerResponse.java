package io.channelops.customer.ownership.web;

import io.channelops.customer.ownership.OwnershipService;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an owner transfer did: {@code transferred} customers moved; {@code remaining} customers of the old owner in
 * the caller's scope are left (more than one call's maximum, or changed meanwhile): call again to move them.
 */
@Schema(example = """
        {"fromOwnerId": "u-rep-east1-a", "toOwnerId": "u-rep-east1-b", "toOrgPath": "/hq/east/team-1",
         "transferred": 137, "remaining": 0}""")
public record TransferOwnerResponse(String fromOwnerId, String toOwnerId, String toOrgPath, int transferred,
        long remaining) {

    static TransferOwnerResponse of(OwnershipService.Transfer transfer) {
        return new TransferOwnerResponse(transfer.fromOwnerId(), transfer.to().ownerId(), transfer.to().orgPath(),
                transfer.transferred(), transfer.remaining());
    }
}
