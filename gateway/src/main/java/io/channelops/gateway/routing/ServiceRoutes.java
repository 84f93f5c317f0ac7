package io.channelops.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two routes per configured service, both behind the service's circuit breaker:
 * <ul>
 * <li>{@code <key>-api}: its public paths and {@code /api/v1/admin/<key>/**}, forwarded with the path unchanged;
 * <li>{@code <key>-api-docs}: {@code /v3/api-docs/<key>} rewritten to the service's {@code /v3/api-docs}.
 * </ul>
 * Each carries {@code response-timeout} and {@code connect-timeout} metadata (milliseconds), which
 * Spring Cloud Gateway's HTTP client applies per route.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceRoutesProperties.class)
class ServiceRoutes {

    static final String FALLBACK_PATH = "/fallback/";
    static final String API_DOCS_PATH = "/v3/api-docs";

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, ServiceRoutesProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((key, service) -> {
            String breaker = ServiceRoutesProperties.serviceName(key);
            String fallback = "forward:" + FALLBACK_PATH + key;
            Map<String, Object> timeouts = Map.of(
                    RESPONSE_TIMEOUT_ATTR, properties.responseTimeoutOf(service).toMillis(),
                    CONNECT_TIMEOUT_ATTR, Math.toIntExact(properties.connectTimeout().toMillis()));
            routes.route(key + "-api", route -> route
                    .path(ServiceRoutesProperties.apiPatterns(key, service).toArray(String[]::new))
                    .filters(filters -> filters
                            .circuitBreaker(config -> config.setName(breaker).setFallbackUri(fallback)))
                    .metadata(timeouts)
                    .uri(service.url()));
            routes.route(key + "-api-docs", route -> route
                    .path(API_DOCS_PATH + "/" + key)
                    .filters(filters -> filters
                            .setPath(API_DOCS_PATH)
                            .circuitBreaker(config -> config.setName(breaker).setFallbackUri(fallback)))
                    .metadata(timeouts)
                    .uri(service.url()));
        });
        return routes.build();
    }
}
