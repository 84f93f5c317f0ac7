package io.channelops.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, first thing: keeps a valid incoming {@code X-Request-Id}
 * (1 to 64 of {@code A-Z a-z 0-9 . _ : -}) or makes a UUID, sends it downstream in place of
 * whatever came in, and returns it on the response, whoever answers (a service, a fallback, an
 * error handler or the CORS check). Problem bodies carry it as {@code traceId}.
 * <p>
 * A {@link WebFilter} rather than a gateway {@code GlobalFilter} so that requests no route
 * matches get an id too.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** Runs before everything else, CORS and the token check included. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = validOrNew(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        ServerHttpResponse response = exchange.getResponse();
        // set (not add) just before the headers go out: a service echoes the id too, and its
        // response headers are copied onto this response after this filter ran
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build();
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The id of this request; every request has one once this filter ran. */
    public static String requestId(ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(ATTRIBUTE);
        return requestId != null ? requestId : validOrNew(exchange.getRequest().getHeaders().getFirst(HEADER));
    }

    static boolean isValid(@Nullable String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches();
    }

    private static String validOrNew(@Nullable String candidate) {
        return candidate != null && isValid(candidate) ? candidate : UUID.randomUUID().toString();
    }
}
