package io.channelops.customer.customer.web;

import io.channelops.customer.history.RevisionHistory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One revision of a customer or contact: who changed what and when. */
@Schema(example = """
        {"revision": 42, "at": "2026-03-02T10:15:30.123Z", "by": "u-rep-east1-a", "changeType": "CHANGED",
         "changes": [{"field": "status", "from": "PROSPECT", "to": "ACTIVE"},
                     {"field": "tags", "from": ["new"], "to": ["new", "vip"]},
                     {"field": "attributes.credit_days", "from": "30", "to": "45"}]}""")
public record RevisionResponse(long revision, Instant at,
        @Schema(description = "User or client id; 'system' for changes no caller made") String by,
        RevisionHistory.ChangeType changeType,
        @Schema(description = "Field by field, against the revision before (all set fields for CREATED, none for "
                + "DELETED); attributes key by key as attributes.<key>") List<Change> changes) {

    /** A field's value before and after the revision (absent when it had none). */
    public record Change(String field, @Nullable Object from, @Nullable Object to) {
    }

    public static RevisionResponse of(RevisionHistory.Entry entry) {
        return new RevisionResponse(entry.revision(), entry.at(), entry.by(), entry.changeType(),
                entry.changes().stream().map(c -> new Change(c.field(), c.from(), c.to())).toList());
    }
}
