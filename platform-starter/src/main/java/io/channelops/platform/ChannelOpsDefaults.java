package io.channelops.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code channelops-defaults.properties} as the lowest-precedence property source, so
 * every service starts with the platform's conventions (virtual threads, strict JSON, health
 * groups, Kafka settings, ...) and can still override any of them.
 */
public class ChannelOpsDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("channelops-defaults",
                    new ClassPathResource("channelops-defaults.properties")));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
