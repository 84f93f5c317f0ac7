package io.channelops.sales.quote.web;

import io.channelops.sales.quote.Quote;
import io.channelops.sales.quote.QuoteService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Changes a draft quote: {@code lines} replaces every line (re-priced on the quote date); null leaves a field as it
 * is, an empty text clears notes or terms.
 */
@Schema(example = """
        {"lines": [{"productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "quantity": 50, "discountPercent": 10}],
         "validUntil": "2027-01-15", "terms": "50 % prepayment, rest 30 days net"}""")
public record QuoteChangeRequest(
        @Nullable @Size(max = Quote.MAX_LINES) List<@NotNull @Valid QuoteLineRequest> lines,
        @Nullable LocalDate validUntil,
        @Nullable @Size(max = Quote.MAX_TEXT_LENGTH) String notes,
        @Nullable @Size(max = Quote.MAX_TEXT_LENGTH) String terms) {

    QuoteService.Change toChange() {
        return new QuoteService.Change(lines == null ? null : lines.stream().map(QuoteLineRequest::toLine).toList(),
                validUntil, notes, terms);
    }
}
