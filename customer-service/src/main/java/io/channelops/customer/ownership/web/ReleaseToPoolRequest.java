package io.channelops.customer.ownership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Puts a customer back into the open pool of its org unit; the reason goes into the history and the event. */
@Schema(example = """
        {"reason": "Rep cannot follow up; let the team pick it up"}""")
public record ReleaseToPoolRequest(@NotBlank @Size(max = 500) String reason) {
}
