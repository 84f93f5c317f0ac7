package io.channelops.order.pricing;

import feign.FeignException;
import feign.RetryableException;
import io.channelops.order.resilience.ClientResilience;
import io.channelops.order.resilience.ClientsProperties;
import io.channelops.platform.web.ApiProblem;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prices order lines with sales-service's effective price. The lookup is a read, so transient
 * failures (I/O errors, timeouts, 5xx) are retried; behind a circuit breaker. Answers:
 * <ul>
 * <li>404 from sales → 422 {@code UNKNOWN_PRODUCT};</li>
 * <li>422 {@code PRODUCT_DISCONTINUED} from sales → 422 {@code PRODUCT_DISCONTINUED};</li>
 * <li>any other refusal → 422 {@code PRICE_NOT_AVAILABLE};</li>
 * <li>sales unreachable, too slow, failing or its circuit open → 503 {@code DEPENDENCY_UNAVAILABLE}.</li>
 * </ul>
 */
@Service
public class SalesPrices {

    static final String DEPENDENCY = "sales-service";

    private static final Logger log = LoggerFactory.getLogger(SalesPrices.class);

    private final SalesClient sales;
    private final ClientResilience.Guard guard;
    private final JsonMapper json;

    SalesPrices(SalesClient sales, ClientResilience resilience, ClientsProperties clients, JsonMapper json) {
        this.sales = sales;
        this.guard = resilience.guard("sales", clients.sales(), SalesPrices::isTransient);
        this.json = json;
    }

    /** Failures worth trying again: the service did not answer, answered too late, or failed itself. */
    static boolean isTransient(Throwable ex) {
        return ex instanceof RetryableException || ex instanceof FeignException.FeignServerException
                || ex instanceof FeignException.TooManyRequests;
    }

    /**
     * The effective unit price of {@code productId} for {@code customerId} buying {@code quantity}.
     *
     * @throws ApiProblem 422 or 503 as described on the class
     */
    public PriceQuote effectivePrice(String productId, long quantity, String customerId) {
        SalesClient.EffectivePrice price;
        try {
            price = guard.call(() -> sales.effectivePrice(productId, quantity, customerId));
        }
        catch (CallNotPermittedException ex) {
            log.warn("Not asking sales-service for the price of {}: its circuit is open", productId);
            throw ApiProblem.dependencyUnavailable(DEPENDENCY);
        }
        catch (FeignException.NotFound ex) {
            throw ApiProblem.unprocessable("UNKNOWN_PRODUCT", "Product " + productId + " is not known", productId);
        }
        catch (FeignException.FeignClientException ex) {
            if (ex instanceof FeignException.TooManyRequests) {
                throw unavailable(productId, ex);
            }
            String code = problemCode(ex);
            if ("PRODUCT_DISCONTINUED".equals(code)) {
                throw ApiProblem.unprocessable("PRODUCT_DISCONTINUED", "Product " + productId
                        + " is discontinued", productId);
            }
            log.warn("sales-service refused to price product {}: {} {}", productId, ex.status(), code);
            throw ApiProblem.unprocessable("PRICE_NOT_AVAILABLE", "No price is available for product " + productId,
                    productId, code == null ? String.valueOf(ex.status()) : code);
        }
        catch (RuntimeException ex) {
            throw unavailable(productId, ex);
        }
        return quote(productId, price);
    }

    private static PriceQuote quote(String productId, SalesClient.@Nullable EffectivePrice price) {
        SalesClient.Amount unitPrice = price == null ? null : price.unitPrice();
        if (unitPrice == null || unitPrice.amount() == null || unitPrice.currency() == null
                || unitPrice.amount().signum() < 0 || !unitPrice.currency().matches("[A-Z]{3}")) {
            log.warn("sales-service answered an unusable price for product {}: {}", productId, price);
            throw ApiProblem.dependencyUnavailable(DEPENDENCY);
        }
        BigDecimal amount = unitPrice.amount().setScale(2, RoundingMode.HALF_UP);
        String source = price.source() == null || price.source().isBlank() ? "UNKNOWN"
                : price.source().strip().toUpperCase(Locale.ROOT);
        if (source.length() > 40) {
            source = source.substring(0, 40);
        }
        return new PriceQuote(productId, amount, unitPrice.currency(), source);
    }

    private static ApiProblem unavailable(String productId, Exception ex) {
        log.warn("Cannot price product {}: sales-service is unavailable ({})", productId, ex.toString());
        return ApiProblem.dependencyUnavailable(DEPENDENCY);
    }

    /** The {@code code} of a problem+json answer, or null. */
    private @Nullable String problemCode(FeignException ex) {
        try {
            String body = ex.contentUTF8();
            if (body == null || body.isBlank()) {
                return null;
            }
            JsonNode code = json.readTree(body).get("code");
            return code == null || !code.isString() ? null : code.asString();
        }
        catch (JacksonException notJson) {
            return null;
        }
    }
}
