package io.channelops.platform.test;

import io.channelops.platform.test.tokens.TestIssuer;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the shared test database server (its own database,
 * named by {@code channelops.service.database}) and the shared Kafka broker, with short
 * retry back-offs so poison messages reach the dead letters quickly. Tokens are checked against the test JVM's
 * {@link TestIssuer}, where the service's own client is registered for its client-credentials token.
 */
public class PlatformTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The secret of the service's own client at the test issuer. */
    public static final String SERVICE_CLIENT_SECRET = "test-service-secret";

    /** What a service's own client may do in tests: the reads and checks services make of each other. */
    public static final Set<String> SERVICE_CLIENT_SCOPES = Set.of("credit:check", "prices:read", "products:read",
            "customers:read", "orders:read");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        TestIssuer issuer = TestIssuer.shared();
        String clientId = environment.getProperty("channelops.security.client-id",
                environment.getProperty("spring.application.name", "test"));
        issuer.registerClient(clientId, SERVICE_CLIENT_SECRET, SERVICE_CLIENT_SCOPES, Callers.HQ);
        String database = environment.getProperty("channelops.service.database",
                environment.getProperty("spring.application.name", "test").replace('-', '_'));
        environment.getPropertySources().addFirst(new MapPropertySource("channelops-test-infrastructure",
                Map.ofEntries(
                Map.entry("spring.datasource.url", TestInfrastructure.jdbcUrl(database)),
                Map.entry("spring.datasource.username", "root"),
                Map.entry("spring.datasource.password", ""),
                Map.entry("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers()),
                Map.entry("channelops.kafka.retry-attempts", "2"),
                Map.entry("channelops.kafka.retry-initial-interval", "100ms"),
                Map.entry("channelops.outbox.poll-interval", "200ms"),
                Map.entry("channelops.security.issuer", issuer.issuer()),
                Map.entry("channelops.security.jwk-set-uri", issuer.jwksUri()),
                Map.entry("channelops.security.token-uri", issuer.tokenUri()),
                Map.entry("channelops.security.client-secret", SERVICE_CLIENT_SECRET))));
    }
}
