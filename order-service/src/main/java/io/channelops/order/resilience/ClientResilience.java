package io.channelops.order.resilience;

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
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the circuit breaker and retry of each client of another service from its
 * {@link ClientsProperties.Client} settings, and publishes their state and calls as Micrometer
 * metrics ({@code resilience4j.circuitbreaker.*}, {@code resilience4j.retry.*}, tagged by name).
 * A call goes through the retry first, then the breaker, so every attempt is counted by the
 * breaker and an open circuit is never retried.
 */
@Component
public class ClientResilience {

    private static final Logger log = LoggerFactory.getLogger(ClientResilience.class);

    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();

    public ClientResilience(MeterRegistry meters) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }

    /** A guarded call to one service. */
    public record Guard(CircuitBreaker circuitBreaker, Retry retry) {

        /** Runs {@code call} through the retry and the circuit breaker. */
        public <T> T call(Supplier<T> call) {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
        }
    }

    /**
     * The guard of client {@code name}.
     *
     * @param transientFailure failures that count against the breaker and are retried; any other
     *     exception is passed through at once and counts as a successful call (the service answered)
     */
    public Guard guard(String name, ClientsProperties.Client settings, Predicate<Throwable> transientFailure) {
        ClientsProperties.Breaker breaker = settings.circuitBreaker();
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .slowCallRateThreshold(breaker.failureRateThreshold())
                .slowCallDurationThreshold(breaker.slowCallDuration())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .recordException(transientFailure)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event -> log.warn("Circuit breaker {}: {}", name,
                event.getStateTransition()));
        ClientsProperties.RetrySettings retry = settings.retry();
        Retry retrier = retries.retry(name, RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.waitDuration(), retry.multiplier()))
                .retryOnException(ex -> !(ex instanceof CallNotPermittedException) && transientFailure.test(ex))
                .failAfterMaxAttempts(false)
                .build());
        retrier.getEventPublisher().onRetry(event -> log.info("Retrying {} (attempt {}) after {}", name,
                event.getNumberOfRetryAttempts(), String.valueOf(event.getLastThrowable())));
        return new Guard(circuitBreaker, retrier);
    }

    /** The circuit breakers of every client (for operations and tests). */
    public CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }
}
