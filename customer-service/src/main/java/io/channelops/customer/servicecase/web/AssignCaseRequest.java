package io.channelops.customer.servicecase.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Gives a case to a user. */
@Schema(example = """
        {"assigneeId": "u-rep-east1-b"}""")
public record AssignCaseRequest(
        @Schema(description = "An active user within the caller's org subtree")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String assigneeId) {
}
