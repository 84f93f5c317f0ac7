package io.channelops.sales.customerclient;

import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls customer-service behind one circuit breaker ({@code customer}). Lookups are retried on transient failures
 * (I/O errors, timeouts, 5xx, 429); creations are not (a conversion is retried by its client, with the same
 * Idempotency-Key, so customer-service answers the first result). Nothing here throws for customer-service's sake:
 * every answer is an {@link Outcome} or a {@link Lookup}.
 */
@Service
public class CustomerGateway {

    static final String NAME = "customer";

    private static final Logger log = LoggerFactory.getLogger(CustomerGateway.class);

    private final CustomerClient client;
    private final JsonMapper json;
    private final CircuitBreaker circuitBreaker;
    private final Retry lookupRetry;

    CustomerGateway(CustomerClient client, CustomerClientProperties settings, MeterRegistry meters, JsonMapper json) {
        this.client = client;
        this.json = json;
        CustomerClientProperties.Breaker breaker = settings.circuitBreaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        this.circuitBreaker = breakers.circuitBreaker(NAME, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .slowCallRateThreshold(breaker.failureRateThreshold())
                .slowCallDurationThreshold(breaker.slowCallDuration())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .recordException(CustomerGateway::isTransient)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event -> log.warn("Circuit breaker {}: {}", NAME,
                event.getStateTransition()));
        CustomerClientProperties.RetrySettings retry = settings.retry();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        this.lookupRetry = retries.retry(NAME + "-lookup", RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.waitDuration(), retry.multiplier()))
                .retryOnException(ex -> !(ex instanceof CallNotPermittedException) && isTransient(ex))
                .failAfterMaxAttempts(false)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }

    /** Failures worth counting against the breaker: customer-service did not answer, answered late, or failed. */
    static boolean isTransient(Throwable ex) {
        return ex instanceof RetryableException || ex instanceof FeignException.FeignServerException
                || ex instanceof FeignException.TooManyRequests;
    }

    /** The circuit breaker around customer-service (for operations and tests). */
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    // --- lookups

    /** A customer that looks like the lead's company. {@code matchedOn} is NAME or PHONE. */
    public record CustomerMatch(String id, @Nullable String code, @Nullable String name, String matchedOn) {
    }

    /**
     * The answer of the duplicate lookups.
     *
     * @param status CHECKED (customer-service answered), UNAVAILABLE (it did not: down, failing, circuit open) or
     *     NOT_PERMITTED (the caller may not read customers)
     */
    public record Lookup(String status, List<CustomerMatch> matches) {
    }

    /**
     * Customers the caller can see whose name or code contains {@code company}, or who have {@code phone}; at most
     * {@code limit} of each kind.
     */
    public Lookup possibleDuplicates(String company, @Nullable String phone, int limit) {
        Map<String, CustomerMatch> matches = new LinkedHashMap<>();
        try {
            CustomerClient.CustomerPage page = lookup(() -> client.search(company, limit));
            if (page != null && page.content() != null) {
                page.content().stream().filter(c -> c != null && c.id() != null).limit(limit)
                        .forEach(c -> matches.putIfAbsent(c.id(), new CustomerMatch(c.id(), c.code(), c.name(),
                                "NAME")));
            }
            if (phone != null) {
                List<CustomerClient.CustomerSummary> byPhone = lookup(() -> client.lookupByPhone(phone));
                if (byPhone != null) {
                    byPhone.stream().filter(c -> c != null && c.id() != null).limit(limit)
                            .forEach(c -> matches.putIfAbsent(c.id(), new CustomerMatch(c.id(), c.code(), c.name(),
                                    "PHONE")));
                }
            }
        }
        catch (FeignException.Forbidden | FeignException.Unauthorized ex) {
            return new Lookup("NOT_PERMITTED", List.of());
        }
        catch (RuntimeException ex) {
            log.warn("Duplicate check against customer-service skipped: {}", ex.toString());
            return new Lookup("UNAVAILABLE", List.of());
        }
        return new Lookup("CHECKED", new ArrayList<>(matches.values()));
    }

    private <T> T lookup(Supplier<T> call) {
        return Retry.decorateSupplier(lookupRetry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
    }

    // --- creations

    /** The answer to a creation. */
    public sealed interface Outcome {
    }

    /** Created (or replayed by customer-service for the same Idempotency-Key). */
    public record Created(String id) implements Outcome {
    }

    /** customer-service answered and refused: {@code status} with its problem {@code code} (or null). */
    public record Refused(int status, @Nullable String code, String detail) implements Outcome {
    }

    /**
     * customer-service could not be asked or did not answer in time.
     *
     * @param uncertain true when the request may have reached customer-service and been carried out (a read
     *     timeout): only a retry with the same Idempotency-Key by the same caller is safe then
     * @param serverFailed true when customer-service answered a 5xx
     */
    public record Unavailable(String reason, boolean uncertain, boolean serverFailed, int status)
            implements Outcome {
    }

    /** Registers a customer; {@code idempotencyKey} makes a repeat answer the first customer. */
    public Outcome registerCustomer(String idempotencyKey, CustomerRegistration body) {
        return create(() -> {
            CustomerClient.CustomerSummary created = client.register(idempotencyKey, body);
            return created == null ? null : created.id();
        }, "customer");
    }

    /** Adds a contact to a customer; {@code idempotencyKey} makes a repeat answer the first contact. */
    public Outcome addContact(String customerId, String idempotencyKey, ContactRegistration body) {
        return create(() -> {
            CustomerClient.ContactSummary created = client.addContact(customerId, idempotencyKey, body);
            return created == null ? null : created.id();
        }, "contact");
    }

    private Outcome create(Supplier<@Nullable String> call, String what) {
        String id;
        try {
            id = circuitBreaker.executeSupplier(call);
        }
        catch (CallNotPermittedException ex) {
            return new Unavailable("customer-service circuit open", false, false, 0);
        }
        catch (RetryableException ex) {
            Throwable cause = ex.getCause();
            boolean neverSent = cause instanceof ConnectException || cause instanceof UnknownHostException;
            log.warn("Creating a {} in customer-service failed: {}", what, ex.toString());
            return new Unavailable("customer-service unreachable: " + (cause == null ? ex : cause)
                    .getClass().getSimpleName(), !neverSent, false, 0);
        }
        catch (FeignException.FeignServerException | FeignException.TooManyRequests ex) {
            log.warn("Creating a {} in customer-service failed: {} {}", what, ex.status(), problemCode(ex));
            return new Unavailable("customer-service answered " + ex.status(), false, true, ex.status());
        }
        catch (FeignException ex) {
            if (ex.status() < 0) {
                return new Unavailable("customer-service call failed: " + ex.getClass().getSimpleName(), true,
                        false, 0);
            }
            String code = problemCode(ex);
            return new Refused(ex.status(), code, problemDetail(ex, "customer-service refused the " + what));
        }
        catch (RuntimeException ex) {
            log.warn("Creating a {} in customer-service failed: {}", what, ex.toString());
            return new Unavailable("customer-service call failed: " + ex.getClass().getSimpleName(), true, false, 0);
        }
        if (id == null || id.isBlank()) {
            return new Unavailable("customer-service answered no " + what + " id", true, true, 0);
        }
        return new Created(id);
    }

    private @Nullable String problemCode(FeignException ex) {
        JsonNode body = problem(ex);
        JsonNode code = body == null ? null : body.get("code");
        return code == null || !code.isString() ? null : code.asString();
    }

    private String problemDetail(FeignException ex, String fallback) {
        JsonNode body = problem(ex);
        JsonNode detail = body == null ? null : body.get("detail");
        return detail == null || !detail.isString() ? fallback : detail.asString();
    }

    private @Nullable JsonNode problem(FeignException ex) {
        try {
            String body = ex.contentUTF8();
            return body == null || body.isBlank() ? null : json.readTree(body);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }
}
