package io.channelops.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.util.StringUtils;

/**
 * Adds {@code channelops-defaults.properties} as the lowest-precedence property source, so
 * every service starts with the platform's conventions (virtual threads, strict JSON, health
 * groups, Kafka settings, JSON logs, ...) and can still override any of them. Above it, and
 * still below anything a service configures:
 * <ul>
 * <li>{@code channelops-local.properties} when the {@code local} profile is active (plain text logs);
 * <li>the OTLP trace export endpoint when {@value #OTLP_TRACING_ENDPOINT} is set. Boot creates the
 * exporter as soon as {@code management.opentelemetry.tracing.export.otlp.endpoint} exists, even
 * empty, so the property is only added for a non-blank value: no variable, no export.
 * </ul>
 */
public class ChannelOpsDefaults implements EnvironmentPostProcessor {

    /** Profile of a laptop, the local stack and the system tests. */
    public static final String LOCAL_PROFILE = "local";
    /** Environment variable with the collector's OTLP/HTTP traces URL, e.g. {@code http://otel-collector:4318/v1/traces}. */
    public static final String OTLP_TRACING_ENDPOINT = "OTLP_TRACING_ENDPOINT";
    static final String OTLP_ENDPOINT_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    static final String DEFAULTS = "channelops-defaults";
    static final String LOCAL = "channelops-local";
    static final String TRACING = "channelops-tracing";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.addLast(load(DEFAULTS));
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            sources.addBefore(DEFAULTS, load(LOCAL));
        }
        String endpoint = environment.getProperty(OTLP_TRACING_ENDPOINT);
        if (StringUtils.hasText(endpoint)) {
            sources.addBefore(DEFAULTS, new MapPropertySource(TRACING,
                    Map.of(OTLP_ENDPOINT_PROPERTY, endpoint.strip())));
        }
    }

    private static ResourcePropertySource load(String name) {
        try {
            return new ResourcePropertySource(name, new ClassPathResource(name + ".properties"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
