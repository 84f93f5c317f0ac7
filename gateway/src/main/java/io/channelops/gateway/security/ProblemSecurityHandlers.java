package io.channelops.gateway.security;

import io.channelops.gateway.problem.Problems;
import io.channelops.gateway.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The token check's refusals as problem+json, like every other gateway problem (request id as {@code traceId},
 * English or Chinese):
 * <ul>
 * <li>no token, another scheme than {@code Bearer}, or a token that is not valid: {@code 401 UNAUTHENTICATED} with
 * {@code WWW-Authenticate: Bearer}; the reason is logged at DEBUG only, the client learns nothing about it;
 * <li>a valid token without the scope or role the path needs: {@code 403 ACCESS_DENIED};
 * <li>the token could not be checked at all (identity-service's keys cannot be fetched):
 * {@code 503 SERVICE_UNAVAILABLE}, since a retry may well succeed.
 * </ul>
 */
final class ProblemSecurityHandlers
        implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler, ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

    private final Problems problems;

    ProblemSecurityHandlers(Problems problems) {
        this.problems = problems;
    }

    /** No token (or not a bearer token) on a path that needs one. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        log.debug("Refused {} {} without a valid token [requestId={}]: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), RequestIdFilter.requestId(exchange), ex.getMessage());
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "A valid bearer access token is required");
    }

    /** A bearer token was sent and did not pass the check. */
    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException ex) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (ex instanceof AuthenticationServiceException) {
            log.warn("Cannot check access tokens [requestId={}]: {}", RequestIdFilter.requestId(exchange),
                    ex.getMessage());
            return problems.writeWithDetailKey(exchange, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "problem.SERVICE_UNAVAILABLE.tokens", "Access tokens cannot be checked now; try again later");
        }
        return commence(exchange, ex);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        log.debug("Refused {} {}: the token lacks the scope or role [requestId={}]", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), RequestIdFilter.requestId(exchange));
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                "The token does not allow this request");
    }
}
