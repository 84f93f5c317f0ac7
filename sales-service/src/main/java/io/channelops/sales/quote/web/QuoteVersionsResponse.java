package io.channelops.sales.quote.web;

import io.channelops.sales.money.Money;
import io.channelops.sales.quote.Quote;
import io.channelops.sales.quote.QuoteStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every version of one quote number, oldest first. */
public record QuoteVersionsResponse(String number, List<Version> versions) {

    /** One version, in short; read it in full at {@code /api/v1/quotes/{id}}. */
    public record Version(String id, int quoteVersion, QuoteStatus status, LocalDate quoteDate, LocalDate validUntil,
            Money netTotal, BigDecimal discountPercent, String createdBy, Instant createdAt) {
    }

    static QuoteVersionsResponse of(String number, List<Quote> versions) {
        return new QuoteVersionsResponse(number, versions.stream().map(quote -> new Version(quote.id(),
                quote.quoteVersion(), quote.status(), quote.quoteDate(), quote.validUntil(),
                new Money(quote.netTotal(), quote.currency()), quote.discountPercent(), quote.createdBy(),
                quote.createdAt())).toList());
    }
}
