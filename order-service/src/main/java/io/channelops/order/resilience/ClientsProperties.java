package io.channelops.order.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How order-service calls the other services, under {@code channelops.clients.*}: their base
 * URLs ({@code SALES_URL}, {@code FINANCE_URL}) and the circuit breaker and retry around each
 * client. Connect and read timeouts are Feign's own settings,
 * {@code spring.cloud.openfeign.client.config.<client>.connect-timeout / read-timeout}.
 *
 * @param sales sales-service (effective prices)
 * @param finance finance-service (credit checks)
 */
@ConfigurationProperties("channelops.clients")
public record ClientsProperties(Client sales, Client finance) {

    /**
     * @param url base URL of the service
     * @param circuitBreaker when to stop calling it for a while
     * @param retry how often to try a failed call again
     */
    public record Client(String url, Breaker circuitBreaker, RetrySettings retry) {
    }

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
     * Retries with exponential back-off, for transient failures (I/O errors, timeouts, 5xx) only.
     *
     * @param maxAttempts attempts in all, the first call included
     * @param waitDuration wait before the first retry
     * @param multiplier factor applied to the wait before each further retry
     */
    public record RetrySettings(int maxAttempts, Duration waitDuration, double multiplier) {
    }
}
