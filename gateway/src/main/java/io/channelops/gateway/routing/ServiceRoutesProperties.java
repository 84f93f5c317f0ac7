package io.channelops.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway ({@code channelops.gateway.*}).
 *
 * @param responseTimeout how long a service may take to start answering, unless the service sets its own
 * @param connectTimeout how long to wait for a TCP connection to a service
 * @param services by key ({@code customer}, {@code order}, ...): base URL and the public path patterns
 *     it owns; each service also gets {@code /api/v1/admin/<key>/**} and {@code /v3/api-docs/<key>}
 */
@ConfigurationProperties("channelops.gateway")
public record ServiceRoutesProperties(Duration responseTimeout, Duration connectTimeout, Map<String, Service> services) {

    public ServiceRoutesProperties {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
    }

    /**
     * One service.
     *
     * @param url base URL, e.g. {@code http://order-service:8083}; the request path is kept
     * @param paths public path patterns routed to it, e.g. {@code /api/v1/orders/**}
     * @param responseTimeout overrides the gateway-wide response timeout for this service
     */
    public record Service(URI url, List<String> paths, @Nullable Duration responseTimeout) {

        public Service {
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }

    /** The name a service is known by in problems, metrics and circuit breakers: {@code order-service}. */
    public static String serviceName(String key) {
        return key + "-service";
    }

    Duration responseTimeoutOf(Service service) {
        Duration own = service.responseTimeout();
        return own != null ? own : responseTimeout;
    }

    /** Every path pattern the service's API route matches: its own paths and its admin path. */
    static List<String> apiPatterns(String key, Service service) {
        List<String> patterns = new ArrayList<>(service.paths());
        patterns.add("/api/v1/admin/" + key + "/**");
        return patterns;
    }
}
