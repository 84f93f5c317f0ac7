package io.channelops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

class MariaDbServerTest {

    private static final List<String> DATABASES = List.of("customer", "orders");

    // Under target/ (which may itself lie under /tmp): the test restarts the server on the same
    // directory to check that the data stays.
    private static Path directory;
    private static int port;
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws IOException {
        directory = Files.createDirectories(Path.of("target")).toAbsolutePath()
                .resolve("mariadb-test-" + ProcessHandle.current().pid());
        port = FreePorts.next();
        server = MariaDbServer.start(directory, port);
        server.provision(DATABASES);
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        FileSystemUtils.deleteRecursively(directory);
    }

    @Test
    void serviceUserReachesItsOwnDatabase() throws SQLException {
        try (Connection connection = connectAs("customer", "customer");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY)");
            statement.execute("REPLACE INTO probe VALUES (1)");
            assertThat(count(statement, "SELECT COUNT(*) FROM probe")).isEqualTo(1);
        }
    }

    @Test
    void serviceUserIsDeniedAnotherServicesDatabase() throws SQLException {
        assertThatThrownBy(() -> connectAs("customer", "orders").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
        try (Connection connection = connectAs("customer", "customer");
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM orders.probe"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
            assertThat(grants(statement)).allSatisfy(grant -> assertThat(grant)
                    .containsAnyOf("GRANT USAGE ON *.*", "ON `customer`.*"));
        }
    }

    @Test
    void dataAndUsersSurviveARestart() throws SQLException {
        try (Connection connection = connectAs("orders", "orders");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kept (id INT PRIMARY KEY)");
            statement.execute("REPLACE INTO kept VALUES (42)");
        }
        server.close();
        server = MariaDbServer.start(directory, port);
        server.provision(DATABASES);
        try (Connection connection = connectAs("orders", "orders");
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT COUNT(*) FROM kept WHERE id = 42")).isEqualTo(1);
        }
    }

    private static Connection connectAs(String user, String database) throws SQLException {
        return DriverManager.getConnection(MariaDbServer.jdbcUrl(port, database), user, MariaDbServer.password(user));
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<String> grants(Statement statement) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                grants.add(rows.getString(1));
            }
        }
        return grants;
    }
}
