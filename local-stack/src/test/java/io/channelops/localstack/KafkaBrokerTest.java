package io.channelops.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void serverPropertiesDescribeASingleNodeKraftBroker() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaBroker.serverProperties(Path.of("/data/kafka/data"), 19092, 19093)));

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/data")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("num.partitions", "3")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void brokerServesClientsAndKeepsTopicsAcrossRestarts(@TempDir Path directory) throws Exception {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Path logFile = directory.resolve("logs/kafka.log");

        String clusterId;
        try (KafkaBroker broker = start(directory, port, controllerPort, logFile);
                Admin admin = admin(broker)) {
            clusterId = describe(admin).clusterId().get(10, TimeUnit.SECONDS);
            admin.createTopics(List.of(new NewTopic("local-stack.probes", 3, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        assertThat(directory.resolve("kafka/data/meta.properties")).exists();

        try (KafkaBroker broker = start(directory, port, controllerPort, logFile);
                Admin admin = admin(broker)) {
            DescribeClusterResult cluster = describe(admin);
            assertThat(cluster.clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(clusterId);
            assertThat(cluster.nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(topics).contains("local-stack.probes");
        }
        assertThat(Ports.accepts(port)).isFalse();
    }

    private static KafkaBroker start(Path directory, int port, int controllerPort, Path logFile) {
        KafkaBroker broker = KafkaBroker.launch(directory.resolve("kafka"), port, controllerPort, logFile);
        broker.awaitReady(Duration.ofSeconds(60));
        return broker;
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static DescribeClusterResult describe(Admin admin) {
        return admin.describeCluster();
    }
}
