package io.channelops.sales.opportunity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Hands an opportunity to another user: an active user within the caller's org subtree. */
@Schema(example = """
        {"ownerId": "u-rep-east1-b"}""")
public record AssignRequest(@NotBlank @Size(max = 64) String ownerId) {
}
