package io.channelops.sales.opportunity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Closes an opportunity as lost: {@code reason} is an active loss reason code
 * ({@code GET /api/v1/pipeline/loss-reason-codes}); {@code competitor}, when given, is who won the deal.
 */
@Schema(example = """
        {"reason": "COMPETITOR", "competitor": "Grundfos", "note": "Lost on delivery time"}""")
public record LoseRequest(
        @NotBlank @Size(max = 32) String reason,
        @Nullable @Size(max = 200) String competitor,
        @Nullable @Size(max = 2000) String note) {
}
