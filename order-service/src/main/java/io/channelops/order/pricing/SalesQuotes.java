package io.channelops.order.pricing;

import feign.FeignException;
import io.channelops.order.resilience.ClientResilience;
import io.channelops.order.resilience.ClientsProperties;
import io.channelops.platform.web.ApiProblem;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reads a quote from sales-service ({@code GET /api/v1/quotes/{id}}, with the caller's token, so sales-service
 * applies the caller's {@code quotes:read} and data scope) and accepts it as the source of an order only when it is
 * {@code ACCEPTED} and still valid. Behind its own circuit breaker and retry ({@code sales-quotes}, with the sales
 * client's settings). Answers:
 * <ul>
 * <li>404 from sales (no such quote, or one the caller may not see) → 422 {@code UNKNOWN_QUOTE};</li>
 * <li>403 from sales (the caller lacks {@code quotes:read}) → 403 {@code ACCESS_DENIED};</li>
 * <li>a quote not accepted, or accepted but past its {@code validUntil} → 422 {@code QUOTE_NOT_ACCEPTED};</li>
 * <li>an accepted quote that cannot be an order (customer id not a UUID, no lines, a line without price) → 422
 *     {@code QUOTE_NOT_ORDERABLE};</li>
 * <li>sales unreachable, failing, its circuit open, or any other refusal → 503 {@code DEPENDENCY_UNAVAILABLE}.</li>
 * </ul>
 */
@Service
public class SalesQuotes {

    private static final Logger log = LoggerFactory.getLogger(SalesQuotes.class);
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final SalesClient sales;
    private final ClientResilience.Guard guard;
    private final Clock clock;
    private final ZoneId zone;

    SalesQuotes(SalesClient sales, ClientResilience resilience, ClientsProperties clients, Clock clock,
            @Value("${channelops.orders.from-quote.time-zone:UTC}") ZoneId zone) {
        this.sales = sales;
        this.guard = resilience.guard("sales-quotes", clients.sales(), SalesPrices::isTransient);
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The accepted, still valid quote {@code quoteId}.
     *
     * @throws ApiProblem 422 or 503 as described on the class
     */
    public AcceptedQuote accepted(String quoteId) {
        SalesClient.Quote quote;
        try {
            quote = guard.call(() -> sales.quote(quoteId));
        } catch (CallNotPermittedException ex) {
            log.warn("Not asking sales-service for quote {}: its circuit is open", quoteId);
            throw ApiProblem.dependencyUnavailable(SalesPrices.DEPENDENCY);
        } catch (FeignException.NotFound ex) {
            throw ApiProblem.unprocessable("UNKNOWN_QUOTE", "Quote " + quoteId + " is not known to sales-service",
                    quoteId);
        } catch (FeignException.Forbidden ex) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                    "Reading quotes needs the permission quotes:read");
        } catch (RuntimeException ex) {
            log.warn("Cannot read quote {}: sales-service is unavailable or refused ({})", quoteId, ex.toString());
            throw ApiProblem.dependencyUnavailable(SalesPrices.DEPENDENCY);
        }
        if (quote == null || quote.status() == null || quote.validUntil() == null) {
            log.warn("sales-service answered an unusable quote {}: {}", quoteId, quote);
            throw ApiProblem.dependencyUnavailable(SalesPrices.DEPENDENCY);
        }
        String number = quote.number() == null ? quoteId : quote.number();
        if (!"ACCEPTED".equals(quote.status())) {
            throw ApiProblem.unprocessable("QUOTE_NOT_ACCEPTED", "Quote " + number + " is " + quote.status()
                    + ": only an accepted quote becomes an order", number, quote.status());
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (quote.validUntil().isBefore(today)) {
            throw ApiProblem.unprocessable("QUOTE_NOT_ACCEPTED", "Quote " + number + " was valid until "
                    + quote.validUntil() + ": only an accepted quote within its validity becomes an order", number,
                    "EXPIRED");
        }
        return orderable(quoteId, number, quote);
    }

    private static AcceptedQuote orderable(String quoteId, String number, SalesClient.Quote quote) {
        String customerId = quote.customerId();
        if (customerId == null || !customerId.matches(UUID)) {
            throw notOrderable(number, "its customer id " + customerId + " is not a customer-service id");
        }
        if (quote.currency() == null || !quote.currency().matches("[A-Z]{3}") || quote.ownerId() == null
                || quote.ownerId().isBlank() || quote.orgPath() == null) {
            throw notOrderable(number, "it has no currency or owner");
        }
        List<SalesClient.QuoteLine> lines = quote.lines() == null ? List.of() : quote.lines();
        if (lines.isEmpty()) {
            throw notOrderable(number, "it has no lines");
        }
        List<AcceptedQuote.Line> orderLines = new ArrayList<>();
        for (SalesClient.QuoteLine line : lines) {
            SalesClient.@Nullable Amount price = line.unitPrice();
            if (line.productId() == null || !line.productId().matches(UUID) || line.quantity() == null
                    || price == null || price.amount() == null || price.amount().signum() < 0
                    || price.amount().scale() > 2 || !quote.currency().equals(price.currency())) {
                throw notOrderable(number, "line " + line.lineNo() + " has no product, quantity or price in "
                        + quote.currency());
            }
            orderLines.add(new AcceptedQuote.Line(line.productId().toLowerCase(Locale.ROOT), line.quantity(),
                    price.amount().setScale(2)));
        }
        return new AcceptedQuote(quote.id() == null ? quoteId : quote.id(), number,
                quote.quoteVersion() == null ? 1 : quote.quoteVersion(), customerId.toLowerCase(Locale.ROOT),
                quote.currency(), orderLines, quote.ownerId(), quote.orgPath());
    }

    private static ApiProblem notOrderable(String number, String why) {
        return ApiProblem.unprocessable("QUOTE_NOT_ORDERABLE", "Quote " + number + " cannot become an order: " + why,
                number, why);
    }
}
