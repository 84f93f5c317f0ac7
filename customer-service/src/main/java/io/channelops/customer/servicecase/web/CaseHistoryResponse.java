package io.channelops.customer.servicecase.web;

import io.channelops.customer.servicecase.CaseHistoryEntry;
import io.channelops.customer.servicecase.CaseHistoryKind;
import io.channelops.customer.servicecase.CaseStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of a case's history. */
@Schema(example = """
        {"id": "3e1a7c9d-2b4f-4d6e-8a0c-1f5b9e7d3c22", "caseId": "9d2f6b1e-4c8a-4e3f-b7a1-5c0d2e9f8a61",
         "kind": "STATUS_CHANGED", "fromStatus": "OPEN", "toStatus": "IN_PROGRESS", "actorId": "u-rep-east1-b",
         "at": "2026-10-05T01:40:00Z", "note": "Called the customer back"}""")
public record CaseHistoryResponse(String id, String caseId, CaseHistoryKind kind, @Nullable CaseStatus fromStatus,
        @Nullable CaseStatus toStatus, String actorId, Instant at, @Nullable String note) {

    static CaseHistoryResponse of(CaseHistoryEntry entry) {
        return new CaseHistoryResponse(entry.id(), entry.caseId(), entry.kind(), entry.fromStatus(),
                entry.toStatus(), entry.actorId(), entry.at(), entry.note());
    }
}
