package io.channelops.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default configuration of every service's circuit breaker (named {@code <key>-service}).
 * <p>
 * Timeouts are the HTTP client's job (per-route {@code response-timeout}), so Resilience4j's time
 * limiter is switched off in {@code application.yml}
 * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}). Should it ever be
 * switched back on, its limit here stays above the longest route timeout so it never cuts a call
 * short. State changes (closed, open, half open) are logged. The default semaphore bulkhead (25 concurrent calls per service) is switched off too: the
 * gateway must not throttle a healthy service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CircuitBreakerProperties.class)
class CircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakerDefaults(
            CircuitBreakerProperties breaker, ServiceRoutesProperties routes) {
        CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
        TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
                .timeoutDuration(longestCall(routes))
                .build();
        String[] names = routes.services().keySet().stream()
                .map(ServiceRoutesProperties::serviceName)
                .toArray(String[]::new);
        return factory -> {
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(circuitBreaker)
                    .timeLimiterConfig(timeLimiter)
                    .build());
            // once per breaker: the reactive breaker applies its customizers on every call
            factory.addCircuitBreakerCustomizer(Customizer.once(serviceBreaker -> serviceBreaker.getEventPublisher()
                    .onStateTransition(event -> log.warn("Circuit breaker {}: {}", event.getCircuitBreakerName(),
                            event.getStateTransition())), CircuitBreaker::getName), names);
        };
    }

    private static Duration longestCall(ServiceRoutesProperties routes) {
        Duration longest = routes.responseTimeout();
        for (ServiceRoutesProperties.Service service : routes.services().values()) {
            Duration timeout = routes.responseTimeoutOf(service);
            if (timeout.compareTo(longest) > 0) {
                longest = timeout;
            }
        }
        return longest.plus(routes.connectTimeout()).plusSeconds(1);
    }
}
