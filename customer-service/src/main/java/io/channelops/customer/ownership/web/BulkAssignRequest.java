package io.channelops.customer.ownership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Assigns up to 200 customers to one user, all or nothing. */
@Schema(example = """
        {"customerIds": ["5f0c8a4e-1b7d-4c1e-9a53-0f6f1d2a9b10", "0b6e2d51-7c3a-4f0e-8d2b-3e9a6c1f4a77"],
         "ownerId": "u-rep-east1-b", "reason": "Territory rebalancing for Q4"}""")
public record BulkAssignRequest(
        @Schema(description = "1 to 200 customer ids; a repeated id counts once")
        @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> customerIds,
        @Schema(description = "User id of the new owner, as identity-service knows them")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String ownerId,
        @NotBlank @Size(max = 500) String reason) {
}
