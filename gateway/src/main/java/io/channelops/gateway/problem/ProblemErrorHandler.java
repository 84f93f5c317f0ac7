package io.channelops.gateway.problem;

import io.channelops.gateway.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure the gateway itself answers into problem+json: no route ({@code 404 NOT_FOUND}),
 * other framework statuses ({@code 405 METHOD_NOT_ALLOWED}, {@code 415 UNSUPPORTED_MEDIA_TYPE}, and
 * {@code 429} once rate limits come), and anything unexpected
 * ({@code 500 INTERNAL_ERROR}, logged with the request id). Replaces Boot's default handler.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final Problems problems;

    ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().value();
        if (!(ex instanceof ResponseStatusException statusException)) {
            log.error("Unexpected gateway error on {} {} [requestId={}]", method, path,
                    RequestIdFilter.requestId(exchange), ex);
            return internalError(exchange);
        }
        HttpStatusCode status = statusException.getStatusCode();
        return switch (status.value()) {
            case 400 -> problems.write(exchange, status, "BAD_REQUEST", "The request is not valid");
            // the token check answers its own 401 and 403 (security.ProblemSecurityHandlers); same codes here
            case 401 -> problems.write(exchange, status, "UNAUTHENTICATED", "A valid bearer access token is required");
            case 403 -> problems.write(exchange, status, "ACCESS_DENIED", "The token does not allow this request");
            case 404 -> problems.write(exchange, status, "NOT_FOUND", "No route matches " + method + " " + path,
                    method, path);
            case 405 -> problems.write(exchange, status, "METHOD_NOT_ALLOWED",
                    "Method " + method + " is not allowed on " + path, method, path);
            case 406 -> problems.write(exchange, status, "NOT_ACCEPTABLE",
                    "None of the accepted media types can be produced");
            case 413 -> problems.write(exchange, status, "PAYLOAD_TOO_LARGE", "The request body is too large");
            case 415 -> problems.write(exchange, status, "UNSUPPORTED_MEDIA_TYPE",
                    "The request content type is not supported");
            case 429 -> problems.write(exchange, status, "TOO_MANY_REQUESTS", "Too many requests; slow down");
            case 503 -> problems.writeWithDetailKey(exchange, status, "SERVICE_UNAVAILABLE", "problem.SERVICE_UNAVAILABLE.gateway",
                    "This request cannot be served now; try again later");
            case 504 -> problems.writeWithDetailKey(exchange, status, "GATEWAY_TIMEOUT", "problem.GATEWAY_TIMEOUT.gateway",
                    "A service did not answer in time; it may still complete the request");
            default -> fallback(exchange, statusException, method, path);
        };
    }

    private Mono<Void> fallback(ServerWebExchange exchange, ResponseStatusException ex, String method, String path) {
        HttpStatusCode status = ex.getStatusCode();
        if (status.is4xxClientError()) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String code = known != null ? known.name() : "BAD_REQUEST";
            return problems.write(exchange, status, code, ex.getReason() != null ? ex.getReason() : code);
        }
        log.error("Gateway error {} on {} {} [requestId={}]", status.value(), method, path,
                RequestIdFilter.requestId(exchange), ex);
        return internalError(exchange);
    }

    private Mono<Void> internalError(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "An unexpected error occurred in the gateway; quote the traceId when reporting it");
    }
}
