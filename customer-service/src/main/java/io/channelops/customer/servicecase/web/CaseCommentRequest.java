package io.channelops.customer.servicecase.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment on a case. */
@Schema(example = """
        {"text": "Warehouse confirms the replacement leaves tomorrow morning."}""")
public record CaseCommentRequest(@NotBlank @Size(max = 4000) String text) {
}
