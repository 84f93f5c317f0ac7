package io.channelops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's wiring and life cycle, without starting any service JVM (no service is built here). */
class LocalStackTest {

    @TempDir
    Path repo;

    @TempDir
    Path data;

    @Test
    void startsTheTokenIssuerFirstAndTheGatewayLast() {
        LocalStack stack = LocalStack.builder().repoRoot(repo).dataDir(data).build();

        assertThat(stack.services()).extracting(ServiceProcess::module).containsExactly("identity-service",
                "customer-service",
                "sales-service", "order-service", "logistics-service", "finance-service", "kpi-service", "gateway");
        assertThat(stack.services()).extracting(ServiceProcess::jar)
                .contains(repo.resolve("order-service/target/order-service.jar"));
    }

    @Test
    void givesEachServiceItsPortDatabaseKafkaAndEveryOtherServicesUrl() {
        LocalStack stack = LocalStack.builder().repoRoot(repo).dataDir(data).dbPort(13306).kafkaPort(19092)
                .portOffset(1000).only(List.of("order-service", "gateway")).build();

        Map<String, String> order = environment(stack, "order-service");
        assertThat(order)
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("SERVER_PORT", "9083")
                .containsEntry("DB_URL", "jdbc:mysql://127.0.0.1:13306/orders?useUnicode=true&characterEncoding=UTF-8"
                        + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true")
                .containsEntry("DB_USERNAME", "orders")
                .containsEntry("DB_PASSWORD", "orders-local")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("CUSTOMER_URL", "http://127.0.0.1:9081")
                .containsEntry("FINANCE_URL", "http://127.0.0.1:9085")
                .containsEntry("IDENTITY_URL", "http://127.0.0.1:10000");
        assertThat(environment(stack, "gateway")).containsEntry("SERVER_PORT", "9080")
                .containsEntry("ORDER_URL", "http://127.0.0.1:9083")
                .doesNotContainKeys("DB_URL", "DB_USERNAME", "DB_PASSWORD");
        assertThat(stack.url("order-service")).isEqualTo("http://127.0.0.1:9083");
        assertThat(stack.jdbcUrl("finance")).startsWith("jdbc:mysql://127.0.0.1:13306/finance?");
        assertThat(stack.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void refusesToStartWhenAServiceIsNotBuiltAndSaysHowToBuildIt() {
        LocalStack stack = LocalStack.builder().repoRoot(repo).dataDir(data).only(List.of("kpi-service")).build();

        assertThatThrownBy(stack::start)
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("kpi-service (" + repo.resolve("kpi-service/target/kpi-service.jar") + ")")
                .hasMessageContaining("./channelops mvn -B -DskipTests install");
    }

    @Test
    void resetRefusesToDeleteADirectoryThatIsNotAStackDataDirectory() throws Exception {
        Files.writeString(data.resolve("thesis.txt"), "precious");
        LocalStack stack = LocalStack.builder().repoRoot(repo).dataDir(data).reset(true).only(List.of()).build();

        assertThatThrownBy(stack::start)
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Refusing to reset");
        assertThat(data.resolve("thesis.txt")).exists();
    }

    @Test
    void runsTheDatabaseAndKafkaUntilClosed() throws Exception {
        int dbPort = FreePorts.next();
        int kafkaPort = FreePorts.next();
        try (LocalStack stack = LocalStack.builder().repoRoot(repo).dataDir(data).dbPort(dbPort).kafkaPort(kafkaPort)
                .kafkaControllerPort(FreePorts.next()).only(List.of()).build()) {
            stack.start();

            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("finance"), "finance",
                    "finance-local")) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(clusterId(stack)).isNotBlank();
            stack.stopKafka();
            assertThat(Ports.accepts(kafkaPort)).isFalse();
            stack.startKafka();
            assertThat(clusterId(stack)).isNotBlank();
            assertThat(data.resolve("logs/kafka.log")).content().contains("local-stack starts kafka");
        }
        assertThat(Ports.accepts(dbPort)).isFalse();
        assertThat(Ports.accepts(kafkaPort)).isFalse();
    }

    private static String clusterId(LocalStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> environment(LocalStack stack, String module) {
        return stack.services().stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow()
                .environment();
    }
}
