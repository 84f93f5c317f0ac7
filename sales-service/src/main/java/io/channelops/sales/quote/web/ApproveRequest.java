package io.channelops.sales.quote.web;

import io.channelops.sales.quote.Quote;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A manager's approval of a quote, with why (optional). */
@Schema(example = """
        {"note": "Strategic account: 12 % accepted for the first order"}""")
public record ApproveRequest(@Nullable @Size(max = Quote.MAX_NOTE_LENGTH) String note) {
}
