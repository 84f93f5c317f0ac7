package io.channelops.sales.quote.web;

import io.channelops.sales.quote.Quote;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A manager's refusal of a quote, with why. */
@Schema(example = """
        {"note": "Below floor on the pumps; offer 5 % at most"}""")
public record RejectRequest(@NotBlank @Size(max = Quote.MAX_NOTE_LENGTH) String note) {
}
