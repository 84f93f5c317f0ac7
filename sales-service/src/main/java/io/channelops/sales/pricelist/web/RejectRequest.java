package io.channelops.sales.pricelist.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a submitted or reviewed price list goes back to DRAFT. */
@Schema(example = """
        {"note": "Floor of PUMP-200-SS below cost; please check"}""")
public record RejectRequest(@NotBlank @Size(max = 1000) String note) {
}
