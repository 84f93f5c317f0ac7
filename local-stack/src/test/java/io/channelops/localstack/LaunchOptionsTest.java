package io.channelops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsWithoutArguments() {
        LaunchOptions options = LaunchOptions.parse(List.of(), Map.of());

        assertThat(options.help()).isFalse();
        assertThat(options.reset()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of(".local"));
        assertThat(options.repoRoot()).isNull();
        assertThat(options.dbPort()).isEqualTo(3306);
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.portOffset()).isZero();
        assertThat(options.only()).isNull();
        assertThat(options.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.serviceJvmOptions())
                .containsExactly("-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1", "-Xmx256m");
    }

    @Test
    void readsEveryOption() {
        LaunchOptions options = LaunchOptions.parse(List.of("--reset", "--data-dir=/var/tmp/stack",
                "--repo-root=/src/channelops", "--db-port=13306", "--kafka-port=19092", "--kafka-controller-port=19093",
                "--port-offset=100", "--only=customer-service, order-service", "--start-timeout=60",
                "--jvm-options=-Xmx512m  -Xss1m"), Map.of());

        assertThat(options.reset()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/var/tmp/stack"));
        assertThat(options.repoRoot()).isEqualTo(Path.of("/src/channelops"));
        assertThat(options.dbPort()).isEqualTo(13306);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.kafkaControllerPort()).isEqualTo(19093);
        assertThat(options.portOffset()).isEqualTo(100);
        assertThat(options.only()).containsExactly("customer-service", "order-service");
        assertThat(options.startTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.serviceJvmOptions()).containsExactly("-Xmx512m", "-Xss1m");
    }

    @Test
    void dataDirComesFromTheEnvironmentUnlessGiven() {
        Map<String, String> environment = Map.of("CHANNELOPS_LOCAL_DIR", "/home/dev/stack");

        assertThat(LaunchOptions.parse(List.of(), environment).dataDir()).isEqualTo(Path.of("/home/dev/stack"));
        assertThat(LaunchOptions.parse(List.of("--data-dir=other"), environment).dataDir())
                .isEqualTo(Path.of("other"));
    }

    @Test
    void helpIsRecognised() {
        assertThat(LaunchOptions.parse(List.of("--help"), Map.of()).help()).isTrue();
        assertThat(LaunchOptions.parse(List.of("-h"), Map.of()).help()).isTrue();
        assertThat(LaunchOptions.USAGE).contains("--reset", "--data-dir", "--only", "CHANNELOPS_LOCAL_DIR");
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--rest"), Map.of()))
                .hasMessage("Unknown option: --rest");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--db-port=abc"), Map.of()))
                .hasMessage("--db-port needs a whole number, not 'abc'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--kafka-port"), Map.of()))
                .hasMessageContaining("--kafka-port needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--reset=yes"), Map.of()))
                .hasMessage("--reset takes no value");
    }

    @Test
    void builderRejectsUnknownServicesAndBadPorts() {
        Path repo = Path.of("/src/channelops");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--only=ordr-service"), Map.of()).toBuilder()
                .repoRoot(repo).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown service ordr-service");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--db-port=70000"), Map.of()).toBuilder()
                .repoRoot(repo).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}
