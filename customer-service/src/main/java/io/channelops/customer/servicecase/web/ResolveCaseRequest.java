package io.channelops.customer.servicecase.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Resolves a case: what was done about it. */
@Schema(example = """
        {"resolution": "Replacement of three pallets shipped with DN-2026-0057; credit note for the freight."}""")
public record ResolveCaseRequest(@NotBlank @Size(max = 4000) String resolution) {
}
