package io.channelops.sales.customerclient;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sales-service calls customer-service, under {@code channelops.clients.customer.*}: its base URL
 * ({@code CUSTOMER_URL}) and the circuit breaker and retry around the client. Connect and read timeouts are Feign's
 * own settings, {@code spring.cloud.openfeign.client.config.customer.connect-timeout / read-timeout}
 * ({@code CUSTOMER_CONNECT_TIMEOUT_MS}, {@code CUSTOMER_READ_TIMEOUT_MS}).
 *
 * @param url base URL of customer-service
 * @param circuitBreaker when to stop calling it for a while
 * @param retry how often to try a failed lookup again; creations are never retried automatically (the client
 *     retries the conversion, with the same Idempotency-Key)
 */
@ConfigurationProperties("channelops.clients.customer")
public record CustomerClientProperties(String url, Breaker circuitBreaker, RetrySettings retry) {

    /**
     * A count-based circuit breaker.
     *
     * @param failureRateThreshold percentage of failed (or slow) calls that opens the circuit
     * @param slidingWindowSize number of recent calls the rate is computed over
     * @param minimumNumberOfCalls calls needed before the rate counts
     * @param waitInOpenState how long an open circuit refuses calls before letting a few through
     * @param permittedCallsInHalfOpenState trial calls while half open
     * @param slowCallDuration a call slower than this counts as slow
     */
    public record Breaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
            Duration waitInOpenState, int permittedCallsInHalfOpenState, Duration slowCallDuration) {
    }

    /**
     * Retries with exponential back-off, for transient failures of lookups only.
     *
     * @param maxAttempts attempts in all, the first call included
     * @param waitDuration wait before the first retry
     * @param multiplier factor applied to the wait before each further retry
     */
    public record RetrySettings(int maxAttempts, Duration waitDuration, double multiplier) {
    }
}
