package io.channelops.customer.customer.web;

import io.channelops.customer.customer.CustomerService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Hands a customer to another user; the reason is kept in the customer's assignment history. */
@Schema(example = """
        {"ownerId": "u-rep-east1-b", "reason": "Takes over the Shanghai accounts"}""")
public record CustomerAssignRequest(
        @Schema(description = "User id of the new owner, as identity-service knows them")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String ownerId,
        @NotBlank @Size(max = 500) String reason) {

    CustomerService.Assignment toAssignment() {
        return new CustomerService.Assignment(ownerId, reason);
    }
}
