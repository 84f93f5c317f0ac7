package io.channelops.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker each service sits behind ({@code channelops.gateway.circuit-breaker.*}).
 * Only failures to get an answer count (connection refused or reset, connect and response
 * timeouts): a service's own 4xx and 5xx answers are answers and pass through.
 *
 * @param slidingWindowSize the last N calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed in the window before the breaker may open
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param waitDurationInOpenState how long an open breaker answers 503 at once before letting probes through
 * @param permittedCallsInHalfOpenState probe calls let through when half open
 */
@ConfigurationProperties("channelops.gateway.circuit-breaker")
public record CircuitBreakerProperties(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
        Duration waitDurationInOpenState, int permittedCallsInHalfOpenState) {
}
