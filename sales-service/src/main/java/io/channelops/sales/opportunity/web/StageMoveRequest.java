package io.channelops.sales.opportunity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Moves an open opportunity to another open stage. The win probability becomes the new stage's default unless
 * {@code probability} sets the rep's own.
 */
@Schema(example = """
        {"stage": "PROPOSAL", "note": "Technical clarification done, proposal sent"}""")
public record StageMoveRequest(
        @NotBlank @Size(max = 32) String stage,
        @Nullable @Min(0) @Max(100) Integer probability,
        @Nullable @Size(max = 2000) String note) {
}
