package io.channelops.gateway.problem;

import io.channelops.gateway.web.RequestIdFilter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the problem bodies the gateway answers with, shaped like every ChannelOps service's:
 * <pre>
 * {"type":"https://channelops.io/problems/service-unavailable","title":"Service unavailable","status":503,
 *  "code":"SERVICE_UNAVAILABLE","detail":"order-service is unavailable; try again later","traceId":"..."}
 * </pre>
 * Titles and details come from {@code io/channelops/gateway/problems*.properties} in the request's
 * {@code Accept-Language} (Chinese for {@code zh}, English otherwise); {@code traceId} is the request id.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://channelops.io/problems/";

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
        messages.setBasename("io/channelops/gateway/problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /**
     * Answers the exchange with this problem, unless a response was already committed. The detail is
     * {@code problem.<CODE>.detail} with {@code args} filled in, or {@code defaultDetail}.
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String defaultDetail,
            Object... args) {
        return writeWithDetailKey(exchange, status, code, "problem." + code + ".detail", defaultDetail, args);
    }

    /** As {@link #write(ServerWebExchange, HttpStatusCode, String, String, Object...)}, the detail from {@code detailKey}. */
    public Mono<Void> writeWithDetailKey(ServerWebExchange exchange, HttpStatusCode status, String code, String detailKey,
            String defaultDetail, Object... args) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = json.writeValueAsBytes(body(exchange, status, code, detailKey, defaultDetail, args));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The problem body, keys in the documented order. */
    public Map<String, Object> body(ServerWebExchange exchange, HttpStatusCode status, String code, String detailKey,
            String defaultDetail, Object... args) {
        Locale locale = locale(exchange);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.put("title", message("problem." + code + ".title", args, locale, defaultTitle(status)));
        problem.put("status", status.value());
        problem.put("code", code);
        problem.put("detail", message(detailKey, args, locale, defaultDetail));
        problem.put("traceId", RequestIdFilter.requestId(exchange));
        return problem;
    }

    private String message(String key, Object[] args, Locale locale, String fallback) {
        try {
            return messages.getMessage(key, args, locale);
        }
        catch (NoSuchMessageException ex) {
            return fallback;
        }
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null ? locale : Locale.ENGLISH;
    }

    private static String defaultTitle(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
