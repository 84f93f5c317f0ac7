package io.channelops.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import io.channelops.gateway.problem.Problems;
import io.channelops.gateway.web.RequestIdFilter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a service's circuit breaker sends a call that got no answer. Only failures reach it (a
 * service's own 4xx or 5xx answer passes through), and it tells them apart:
 * <ul>
 * <li>the service did not answer within the route's response timeout: {@code 504 GATEWAY_TIMEOUT}; the
 * service may still complete the request, so a client retries with the same {@code Idempotency-Key};
 * <li>anything else (connection refused or reset, connect timeout, breaker open):
 * {@code 503 SERVICE_UNAVAILABLE}; the request never reached the service.
 * </ul>
 * Called from outside (not through a breaker) it answers {@code 404 NOT_FOUND} like any unknown path.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final Problems problems;
    private final ServiceRoutesProperties routes;

    FallbackController(Problems problems, ServiceRoutesProperties routes) {
        this.problems = problems;
        this.routes = routes;
    }

    @RequestMapping(ServiceRoutes.FALLBACK_PATH + "{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null || !routes.services().containsKey(service)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        String name = ServiceRoutesProperties.serviceName(service);
        String requestId = RequestIdFilter.requestId(exchange);
        if (isTimeout(failure)) {
            log.warn("{} did not answer in time [requestId={}]: {}", name, requestId, failure.toString());
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "GATEWAY_TIMEOUT",
                    name + " did not answer in time; it may still complete the request, so retry with the same Idempotency-Key",
                    name);
        }
        if (failure instanceof CallNotPermittedException) {
            // the breaker is open: said once when it opened, not again for every request
            log.debug("{} circuit breaker is open [requestId={}]", name, requestId);
        }
        else {
            log.warn("{} is unavailable [requestId={}]: {}", name, requestId, failure.toString());
        }
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                name + " is unavailable; try again later", name);
    }

    /** A response timeout, as opposed to not reaching the service at all. */
    static boolean isTimeout(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof org.springframework.cloud.gateway.support.TimeoutException
                    || cause instanceof io.netty.handler.timeout.TimeoutException
                    || cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }
}
