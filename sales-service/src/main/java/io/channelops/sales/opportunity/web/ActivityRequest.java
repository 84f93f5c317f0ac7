package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.ActivityKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Logs work on an opportunity; {@code kind} defaults to {@code NOTE}. */
@Schema(example = """
        {"kind": "CALL", "text": "Called the purchasing manager, decision expected next week"}""")
public record ActivityRequest(@Nullable ActivityKind kind, @NotBlank @Size(max = 4000) String text) {
}
