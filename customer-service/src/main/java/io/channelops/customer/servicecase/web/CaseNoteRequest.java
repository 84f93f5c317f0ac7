package io.channelops.customer.servicecase.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An optional note kept with a status change in the case's history (the body itself is optional too). */
@Schema(example = """
        {"note": "Called the customer back; collecting photos of the damage"}""")
public record CaseNoteRequest(@Nullable @Size(max = 2000) String note) {
}
