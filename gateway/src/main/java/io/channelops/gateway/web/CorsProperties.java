package io.channelops.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which browser front-ends may call the API ({@code channelops.gateway.cors.*}).
 *
 * @param allowedOrigins origins (or patterns like {@code https://*.example.com}) of front-end apps
 * @param allowedMethods methods a front-end may use
 * @param allowedHeaders request headers a front-end may send
 * @param exposedHeaders response headers a front-end may read
 * @param allowCredentials whether cookies may be sent (tokens travel in {@code Authorization}, so off)
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("channelops.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
        List<String> exposedHeaders, boolean allowCredentials, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = trimmed(allowedOrigins);
        allowedMethods = trimmed(allowedMethods);
        allowedHeaders = trimmed(allowedHeaders);
        exposedHeaders = trimmed(exposedHeaders);
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
    }
}
