package io.channelops.customer.ownership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Hands every customer of one owner (within the caller's scope) to another user, e.g. when a rep leaves. */
@Schema(example = """
        {"fromOwnerId": "u-rep-east1-a", "toOwnerId": "u-rep-east1-b", "reason": "Rep left the company"}""")
public record TransferOwnerRequest(
        @Schema(description = "The current owner; may be a deactivated user")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String fromOwnerId,
        @Schema(description = "The new owner: an active user within the caller's org subtree")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String toOwnerId,
        @NotBlank @Size(max = 500) String reason) {
}
