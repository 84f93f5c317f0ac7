package io.channelops.customer.servicecase.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/** Closes a resolved case, with the customer's satisfaction when they gave one (the body is optional). */
@Schema(example = """
        {"satisfactionScore": 4}""")
public record CloseCaseRequest(
        @Schema(description = "1 (very unhappy) to 5 (very happy); leave out when the customer gave none")
        @Nullable @Min(1) @Max(5) Integer satisfactionScore) {
}
