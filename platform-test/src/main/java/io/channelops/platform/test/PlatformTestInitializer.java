package io.channelops.platform.test;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the shared test database server (its own database,
 * named by {@code channelops.service.database}) and the shared Kafka broker, with short
 * retry back-offs so poison messages reach the dead letters quickly.
 */
public class PlatformTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String database = environment.getProperty("channelops.service.database",
                environment.getProperty("spring.application.name", "test").replace('-', '_'));
        environment.getPropertySources().addFirst(new MapPropertySource("channelops-test-infrastructure", Map.of(
                "spring.datasource.url", TestInfrastructure.jdbcUrl(database),
                "spring.datasource.username", "root",
                "spring.datasource.password", "",
                "spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                "channelops.kafka.retry-attempts", "2",
                "channelops.kafka.retry-initial-interval", "100ms",
                "channelops.outbox.poll-interval", "200ms")));
    }
}
