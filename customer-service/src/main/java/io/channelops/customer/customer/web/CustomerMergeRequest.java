package io.channelops.customer.customer.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Merges a duplicate into the customer of the path. */
@Schema(example = """
        {"mergedCustomerId": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6", "reason": "Registered twice by two reps"}""")
public record CustomerMergeRequest(
        @Schema(description = "The duplicate: it disappears, its data and records move to the surviving customer")
        @NotBlank @Size(max = 36) String mergedCustomerId,
        @NotBlank @Size(max = 500) String reason) {
}
