package io.channelops.gateway.security;

import io.channelops.gateway.problem.Problems;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may call what: the gateway's one {@link SecurityWebFilterChain}. Stateless (no session, no saved
 * request), no CSRF protection (no cookies: only bearer tokens authenticate), no CORS handling of its own (the
 * gateway's CORS filter runs earlier and answers preflights itself).
 * <ul>
 * <li>public: CORS preflights, {@code /actuator/health} and its groups (probes), and the API docs and Swagger UI
 * ({@link #PUBLIC_DOCS}, {@code GET} and {@code HEAD});
 * <li>the other actuator endpoints ({@code /actuator/prometheus}, {@code /actuator/info}, ...): a valid token with
 * the {@code metrics:read} scope or the {@code ADMIN} role;
 * <li>everything else, every routed {@code /api/**} path included: a valid token.
 * </ul>
 * Runs after the request id and CORS filters (order -100), so a refusal carries a request id and CORS headers.
 */
@Configuration(proxyBeanMethods = false)
class TokenCheck {

    /** What the aggregated API docs and the Swagger UI are served from. */
    static final String[] PUBLIC_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    static final String METRICS_SCOPE = "SCOPE_metrics:read";
    static final String ADMIN_ROLE = "ROLE_ADMIN";

    @Bean
    SecurityWebFilterChain tokenCheckFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            Problems problems) {
        ProblemSecurityHandlers refusals = new ProblemSecurityHandlers(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(TokenCheck::corsPreflight).permitAll()
                        .matchers(EndpointRequest.to("health")).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_DOCS).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PUBLIC_DOCS).permitAll()
                        .matchers(EndpointRequest.toAnyEndpoint()).hasAnyAuthority(METRICS_SCOPE, ADMIN_ROLE)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(Tokens.authentication()))
                        .authenticationEntryPoint(refusals)
                        .authenticationFailureHandler(refusals)
                        .accessDeniedHandler(refusals))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                .build();
    }

    /** A CORS preflight: {@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}. */
    private static Mono<ServerWebExchangeMatcher.MatchResult> corsPreflight(ServerWebExchange exchange) {
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
