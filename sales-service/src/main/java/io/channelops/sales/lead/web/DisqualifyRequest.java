package io.channelops.sales.lead.web;

import io.channelops.sales.lead.DisqualificationReason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Why a lead is dropped: a reason from the list, and a note (required for OTHER). */
@Schema(example = """
        {"reason": "NO_BUDGET", "note": "Budget frozen until next fiscal year"}""")
public record DisqualifyRequest(@NotNull DisqualificationReason reason, @Nullable @Size(max = 1000) String note) {
}
