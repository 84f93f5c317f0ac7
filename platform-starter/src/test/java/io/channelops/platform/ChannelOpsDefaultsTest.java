package io.channelops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The platform defaults as a service sees them, with and without the local profile. */
class ChannelOpsDefaultsTest {

    private static final String CONSOLE_FORMAT = "logging.structured.format.console";
    private static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    private static StandardEnvironment environment(Map<String, Object> given, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", given));
        environment.setActiveProfiles(profiles);
        new ChannelOpsDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void logsJsonWithoutTheLocalProfile() {
        assertThat(environment(Map.of()).getProperty(CONSOLE_FORMAT)).isEqualTo("ecs");
        assertThat(environment(Map.of(), "prod").getProperty(CONSOLE_FORMAT)).isEqualTo("ecs");
    }

    @Test
    void logsPlainTextUnderTheLocalProfile() {
        StandardEnvironment local = environment(Map.of(), "local");
        assertThat(local.getProperty(CONSOLE_FORMAT)).isEmpty();
        // the other defaults still apply
        assertThat(local.getProperty("server.shutdown")).isEqualTo("graceful");
    }

    @Test
    void aServiceSettingStillWinsOverThePlatformDefaults() {
        assertThat(environment(Map.of(CONSOLE_FORMAT, "logstash"), "local").getProperty(CONSOLE_FORMAT))
                .isEqualTo("logstash");
    }

    @Test
    void exportsNoTracesUntilAnEndpointIsSet() {
        assertThat(environment(Map.of()).containsProperty(OTLP_ENDPOINT)).isFalse();
        assertThat(environment(Map.of("OTLP_TRACING_ENDPOINT", "  ")).containsProperty(OTLP_ENDPOINT)).isFalse();
        assertThat(environment(Map.of("OTLP_TRACING_ENDPOINT", "http://otel-collector:4318/v1/traces"))
                .getProperty(OTLP_ENDPOINT)).isEqualTo("http://otel-collector:4318/v1/traces");
    }

    @Test
    void publishesHttpServerLatencyHistograms() {
        assertThat(environment(Map.of()).getProperty(
                "management.metrics.distribution.percentiles-histogram.http.server.requests", Boolean.class))
                .isTrue();
    }
}
