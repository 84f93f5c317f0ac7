package io.channelops.sales.quote;

import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.sales.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use cases of quotes. Every quote is served only within the caller's data scope (404 outside it, lists filtered):
 * a rep sees their own quotes, a manager those of their org subtree, directors, auditors and finance all.
 *
 * <p>Validity is applied lazily: an approved or sent quote whose {@code validUntil} has passed becomes
 * {@code EXPIRED} when it is read, acted on or listed (the list first expires every such quote).
 */
@Service
public class QuoteService {

    private final Quotes quotes;
    private final QuoteNumbers numbers;
    private final QuotePrices prices;
    private final QuoteCatalog catalog;
    private final QuoteOpportunities opportunities;
    private final QuotePdf pdf;
    private final DataScope scope;
    private final QuoteSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    QuoteService(Quotes quotes, QuoteNumbers numbers, QuotePrices prices, QuoteCatalog catalog,
            QuoteOpportunities opportunities, QuotePdf pdf, DataScope scope, QuoteSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.pdf = pdf;
        this.quotes = quotes;
        this.numbers = numbers;
        this.prices = prices;
        this.catalog = catalog;
        this.opportunities = opportunities;
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /**
     * A new quote: for a customer, or from an opportunity (its customer and owner; without lines, its products).
     * Null {@code currency}: the opportunity's, else the first line's price currency, else the default currency.
     */
    public record NewQuote(@Nullable String customerId, @Nullable String opportunityId, @Nullable String currency,
            @Nullable List<NewLine> lines, @Nullable LocalDate validUntil, @Nullable String notes,
            @Nullable String terms) {
    }

    /** A product and quantity, with the unit price or the discount in percent asked for (at most one of them). */
    public record NewLine(String productId, int quantity, @Nullable Money unitPrice,
            @Nullable BigDecimal discountPercent) {
    }

    /** What can change in a draft: every line, the validity, notes and terms; null leaves a value as it is. */
    public record Change(@Nullable List<NewLine> lines, @Nullable LocalDate validUntil, @Nullable String notes,
            @Nullable String terms) {
    }

    /**
     * Filters of the quote list; null means any. {@code text} matches the quote number or the notes; without a
     * status and {@code allVersions}, superseded versions are left out.
     */
    public record Filter(@Nullable QuoteStatus status, @Nullable String customerId, @Nullable String opportunityId,
            @Nullable String ownerId, @Nullable LocalDate validOn, @Nullable String text, boolean allVersions) {
    }

    // --- create, change, read ------------------------------------------------------------------------------------

    /**
     * Creates a quote (version 1, {@code DRAFT}) with the next quote number of the year. From an opportunity the
     * caller must see (422 {@code UNKNOWN_OPPORTUNITY}) and that is open (422 {@code OPPORTUNITY_CLOSED}) it takes
     * the customer and owner; otherwise it belongs to the caller.
     */
    public Quote create(NewQuote request) {
        return tx.execute(status -> {
            CurrentUser caller = scope.caller();
            LocalDate today = today();
            QuoteOpportunities.Deal deal = request.opportunityId() == null || request.opportunityId().isBlank()
                    ? null : opportunities.get(request.opportunityId().strip());
            String customerId = customerOf(request, deal);
            List<NewLine> requested = request.lines();
            if (requested == null) {
                requested = deal == null ? List.of() : deal.products().stream().map(p -> new NewLine(p.productId(),
                        quantity(p.quantity()), null, null)).toList();
            }
            String preferred = request.currency() != null ? request.currency()
                    : deal != null ? deal.currency() : null;
            Priced priced = price(requested, customerId, today, preferred);
            Ownership ownership = deal != null ? deal.ownership() : scope.forNewRecord();
            LocalDate validUntil = request.validUntil() != null ? request.validUntil()
                    : today.plusDays(settings.validityDays());
            Quote quote = Quote.draft(UUID.randomUUID().toString(), numbers.next(today.getYear()),
                    new Quote.Header(customerId, deal == null ? null : deal.id(), priced.currency(), today,
                            validUntil, blankToNull(request.notes()), blankToNull(request.terms())),
                    priced.lines(), ownership, caller.id(), now());
            return quotes.saveAndFlush(quote);
        });
    }

    /** Changes a draft: lines (re-priced on the quote date), validity, notes, terms. {@code ifMatch} is required. */
    public Quote change(String id, @Nullable String ifMatch, Change change) {
        return tx.execute(status -> {
            Quote quote = visible(id);
            ETags.requireMatch(ifMatch, quote.version(), "quote", id);
            if (quote.status() != QuoteStatus.DRAFT) {
                throw ApiProblem.illegalTransition("quote", id, quote.status(), "change");
            }
            Instant now = now();
            if (change.lines() != null) {
                Priced priced = price(change.lines(), quote.customerId(), quote.quoteDate(), quote.currency());
                quote.changeLines(priced.lines(), now);
            }
            quote.changeTerms(change.validUntil(), change.notes(), change.terms(), now);
            return quotes.saveAndFlush(quote);
        });
    }

    /** The quote if the caller may see it (404 otherwise); an approved or sent one past its validity expires now. */
    public Quote get(String id) {
        return tx.execute(status -> {
            Quote quote = visible(id);
            if (quote.expireIfDue(today(), now())) {
                return quotes.saveAndFlush(quote);
            }
            return quote;
        });
    }

    /** A quote version as a PDF document, and the file name to offer it under. */
    public record Rendering(String fileName, byte[] content) {
    }

    /** The quote the caller sees, rendered as PDF. */
    public Rendering pdf(String id) {
        Quote quote = get(id);
        return new Rendering(quote.number() + "-v" + quote.quoteVersion() + ".pdf", pdf.render(quote));
    }

    /** Every version of the quote number of {@code id}, oldest first. */
    public List<Quote> versions(String id) {
        Quote quote = get(id);
        return readTx.execute(status -> quotes.findByNumberOrderByQuoteVersionAsc(quote.number()).stream()
                .filter(version -> scope.permits(version.ownership())).toList());
    }

    /** The quotes the caller sees that match the filter, after expiring those whose validity has passed. */
    public Page<Quote> search(Filter filter, Pageable pageable) {
        tx.executeWithoutResult(status -> quotes.expireDue(today(), now()));
        return readTx.execute(status -> quotes.findAll(specification(filter), pageable));
    }

    // --- life cycle ----------------------------------------------------------------------------------------------

    /**
     * Submits a draft: {@code APPROVED} when no line is below its floor and the total discount is within the
     * submitter's limit (by role), else {@code PENDING_APPROVAL}.
     */
    public Quote submit(String id, @Nullable String ifMatch) {
        CurrentUser caller = scope.caller();
        return act(id, ifMatch, quote -> quote.submit(caller.id(), settings.discountLimit(caller.roles()), today(),
                now()));
    }

    /** A manager (not the submitter) approves a pending quote. */
    public Quote approve(String id, @Nullable String ifMatch, @Nullable String note) {
        String by = scope.caller().id();
        return act(id, ifMatch, quote -> quote.approve(by, blankToNull(note), now()));
    }

    /** A manager (not the submitter) rejects a pending quote, saying why. */
    public Quote reject(String id, @Nullable String ifMatch, String note) {
        String by = scope.caller().id();
        return act(id, ifMatch, quote -> quote.reject(by, note.strip(), now()));
    }

    /** Sends an approved quote within its validity (422 {@code QUOTE_EXPIRED} after it). */
    public Quote send(String id, @Nullable String ifMatch) {
        return act(id, ifMatch, quote -> {
            if (quote.status() == QuoteStatus.EXPIRED) {
                throw quote.expiredProblem();
            }
            quote.send(now());
        });
    }

    /**
     * The customer accepts a sent quote within its validity: {@code ACCEPTED}, publishing {@code QuoteAccepted}.
     * Never approved: 422 {@code QUOTE_NOT_APPROVED}; validity passed: 422 {@code QUOTE_EXPIRED} (and the quote is
     * {@code EXPIRED} from then on).
     */
    public Quote accept(String id, @Nullable String ifMatch) {
        return act(id, ifMatch, quote -> quote.accept(today(), now()));
    }

    /** The customer declines an approved or sent quote, saying why. */
    public Quote decline(String id, @Nullable String ifMatch, String reason) {
        return act(id, ifMatch, quote -> {
            if (quote.status() == QuoteStatus.EXPIRED) {
                throw quote.expiredProblem();
            }
            quote.decline(reason.strip(), now());
        });
    }

    /**
     * Revises a quote: the next version (same number, version + 1) starts in {@code DRAFT} with the same lines
     * re-priced on today's date (keeping each line's requested unit price or discount) and a fresh validity; this
     * version becomes {@code SUPERSEDED}.
     *
     * @return the new version
     */
    public Quote revise(String id, @Nullable String ifMatch) {
        return tx.execute(status -> {
            Quote quote = visible(id);
            checkIfMatch(ifMatch, quote);
            if (!quote.revisable()) {
                throw ApiProblem.illegalTransition("quote", id, quote.status(), "revise");
            }
            LocalDate today = today();
            List<NewLine> requested = quote.lines().stream().map(line -> new NewLine(line.productId(),
                    line.quantity(), line.requestedUnitPrice() == null ? null
                            : new Money(line.requestedUnitPrice(), quote.currency()), line.requestedDiscount()))
                    .toList();
            Priced priced = price(requested, quote.customerId(), today, quote.currency());
            Quote next = quote.revise(UUID.randomUUID().toString(), today, today.plusDays(settings.validityDays()),
                    priced.lines(), scope.caller().id(), now());
            quotes.saveAndFlush(quote);
            return quotes.saveAndFlush(next);
        });
    }

    // --- internals -----------------------------------------------------------------------------------------------

    /**
     * Runs an action on a quote the caller sees. An approved or sent quote past its validity is expired first, in
     * its own transaction, so that it stays expired whatever the action answers.
     */
    private Quote act(String id, @Nullable String ifMatch, Consumer<Quote> action) {
        get(id);
        return tx.execute(status -> {
            Quote quote = visible(id);
            if (quote.status() != QuoteStatus.EXPIRED) {
                checkIfMatch(ifMatch, quote);
            }
            action.accept(quote);
            return quotes.saveAndFlush(quote);
        });
    }

    private Quote visible(String id) {
        return scope.visible(quotes.findById(id), Quote::ownership, "quote", id);
    }

    private String customerOf(NewQuote request, QuoteOpportunities.@Nullable Deal deal) {
        String given = blankToNull(request.customerId());
        if (deal == null) {
            if (given == null) {
                throw ApiProblem.unprocessable("QUOTE_CUSTOMER_REQUIRED",
                        "Name the customer (customerId) or the opportunity (opportunityId) the quote is for");
            }
            return given;
        }
        if (!deal.open()) {
            throw ApiProblem.unprocessable("OPPORTUNITY_CLOSED", "Opportunity " + deal.id()
                    + " is closed; quotes are made for open opportunities", deal.id());
        }
        if (given != null && !given.equals(deal.customerId())) {
            throw ApiProblem.unprocessable("CUSTOMER_MISMATCH", "Opportunity " + deal.id() + " is with customer "
                    + deal.customerId() + ", not " + given, deal.id(), deal.customerId(), given);
        }
        return deal.customerId();
    }

    /** Lines priced by the effective price, and the quote's currency. */
    private record Priced(List<QuoteLine> lines, String currency) {
    }

    /**
     * Prices every requested line on {@code date}. The currency is {@code currency} when given, else the first
     * line's price currency, else the default; every price and requested unit price must be in it (422
     * {@code QUOTE_CURRENCY_MISMATCH}).
     */
    private Priced price(List<NewLine> requested, String customerId, LocalDate date, @Nullable String currency) {
        if (requested.size() > Quote.MAX_LINES) {
            throw ApiProblem.unprocessable("QUOTE_TOO_MANY_LINES", "A quote has at most " + Quote.MAX_LINES
                    + " lines", Quote.MAX_LINES);
        }
        String quoteCurrency = currency;
        List<QuoteLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NewLine line = requested.get(i);
            String field = "lines[" + i + "]";
            if (line.quantity() < 1 || line.quantity() > QuoteLine.MAX_QUANTITY) {
                throw ApiProblem.unprocessable("QUOTE_LINE_QUANTITY", "Line " + (i + 1) + ": the quantity must be "
                        + "between 1 and " + QuoteLine.MAX_QUANTITY, field + ".quantity",
                        QuoteLine.MAX_QUANTITY);
            }
            QuotePrices.Price price = prices.price(line.productId().strip(), line.quantity(), customerId, date,
                    field + ".productId");
            if (quoteCurrency == null) {
                quoteCurrency = price.currency();
            }
            if (!price.currency().equals(quoteCurrency)) {
                throw ApiProblem.unprocessable("QUOTE_CURRENCY_MISMATCH", "Line " + (i + 1) + ": product "
                        + price.productId() + " is priced in " + price.currency() + ", the quote is in "
                        + quoteCurrency, field + ".productId", price.currency(), quoteCurrency);
            }
            if (line.unitPrice() != null && !line.unitPrice().currency().equals(quoteCurrency)) {
                throw ApiProblem.unprocessable("QUOTE_CURRENCY_MISMATCH", "Line " + (i + 1) + ": the unit price is in "
                        + line.unitPrice().currency() + ", the quote is in " + quoteCurrency,
                        field + ".unitPrice", line.unitPrice().currency(), quoteCurrency);
            }
            if (line.unitPrice() != null && line.discountPercent() != null) {
                throw ApiProblem.unprocessable("QUOTE_LINE_PRICE_AND_DISCOUNT", "Line " + (i + 1)
                        + ": ask for a unit price or a discount, not both", field);
            }
            PricedProduct product = new PricedProduct(price.productId(), price.sku(), price.productName(),
                    price.source(), price.priceListId(), price.priceListLineId(), price.listPrice(),
                    price.unitPrice(), price.floorPrice(), price.breakMinQuantity(), price.currency(),
                    catalog.vatRate(price.productId()));
            lines.add(QuoteLine.price(product, line.quantity(),
                    line.unitPrice() == null ? null : line.unitPrice().amount(), line.discountPercent()));
        }
        return new Priced(lines, quoteCurrency == null ? settings.defaultCurrency() : quoteCurrency);
    }

    private Specification<Quote> specification(Filter filter) {
        Specification<Quote> spec = scope.specification();
        if (filter.status() != null) {
            QuoteStatus status = filter.status();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        } else if (!filter.allVersions()) {
            spec = spec.and((root, query, cb) -> cb.notEqual(root.get("status"), QuoteStatus.SUPERSEDED));
        }
        String customerId = blankToNull(filter.customerId());
        if (customerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("customerId"), customerId));
        }
        String opportunityId = blankToNull(filter.opportunityId());
        if (opportunityId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("opportunityId"), opportunityId));
        }
        String ownerId = blankToNull(filter.ownerId());
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get(DataScope.OWNERSHIP).get("ownerId"), ownerId));
        }
        if (filter.validOn() != null) {
            LocalDate day = filter.validOn();
            spec = spec.and((root, query, cb) -> cb.and(cb.lessThanOrEqualTo(root.get("quoteDate"), day),
                    cb.greaterThanOrEqualTo(root.get("validUntil"), day)));
        }
        String text = blankToNull(filter.text());
        if (text != null) {
            String like = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("number")), like, '\\'),
                    cb.like(cb.lower(root.get("notes")), like, '\\')));
        }
        return spec;
    }

    private static void checkIfMatch(@Nullable String ifMatch, Quote quote) {
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, quote.version(), "quote", quote.id());
        }
    }

    private static int quantity(long quantity) {
        return (int) Math.max(1, Math.min(quantity, Integer.MAX_VALUE));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.timeZone());
    }

    private Instant now() {
        // the database keeps microseconds; answer what a later read will show
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
