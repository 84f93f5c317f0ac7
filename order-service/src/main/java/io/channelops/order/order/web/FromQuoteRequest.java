package io.channelops.order.order.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/** Creates an order from an accepted quote of sales-service: the id of the quote version the customer accepted. */
@Schema(example = """
        {"quoteId": "6f1d8c2e-3b4a-4e5f-9a8b-7c6d5e4f3a2b"}""")
public record FromQuoteRequest(@NotNull @Pattern(regexp = Ids.UUID, message = "must be a UUID") String quoteId) {

    String normalizedQuoteId() {
        return quoteId.toLowerCase(Locale.ROOT);
    }
}
