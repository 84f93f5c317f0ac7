package io.channelops.sales.quote.web;

import io.channelops.sales.quote.Quote;
import io.channelops.sales.quote.QuoteService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new quote, for a customer or from an opportunity (then the customer and owner are the opportunity's, and without
 * {@code lines} its products are quoted). Without {@code validUntil} it is valid for the configured number of days.
 */
@Schema(example = """
        {"opportunityId": "8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f", "currency": "CNY",
         "lines": [{"productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "quantity": 40, "discountPercent": 8.5},
                   {"productId": "4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "quantity": 2,
                    "unitPrice": {"amount": 1150.00, "currency": "CNY"}}],
         "validUntil": "2026-12-31", "notes": "Delivery to the Suzhou plant", "terms": "30 days net"}""")
public record QuoteRequest(
        @Nullable @Pattern(regexp = QuoteRequest.ID) String customerId,
        @Nullable @Pattern(regexp = QuoteRequest.ID) String opportunityId,
        @Nullable @Pattern(regexp = "[A-Z]{3}") String currency,
        @Nullable @Size(max = Quote.MAX_LINES) List<@NotNull @Valid QuoteLineRequest> lines,
        @Nullable LocalDate validUntil,
        @Nullable @Size(max = Quote.MAX_TEXT_LENGTH) String notes,
        @Nullable @Size(max = Quote.MAX_TEXT_LENGTH) String terms) {

    /** An opaque id of another record: letters, digits and {@code . _ : -}, 64 characters at most. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    QuoteService.NewQuote toNewQuote() {
        return new QuoteService.NewQuote(customerId, opportunityId, currency,
                lines == null ? null : lines.stream().map(QuoteLineRequest::toLine).toList(), validUntil, notes,
                terms);
    }
}
