package io.channelops.sales.quote.web;

import io.channelops.sales.quote.Quote;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the customer declined a quote. */
@Schema(example = """
        {"reason": "Competitor offered a shorter delivery time"}""")
public record DeclineRequest(@NotBlank @Size(max = Quote.MAX_NOTE_LENGTH) String reason) {
}
