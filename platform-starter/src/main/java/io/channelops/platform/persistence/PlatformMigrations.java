package io.channelops.platform.persistence;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the platform's own tables (outbox, inbox, dead letters, idempotency keys) from
 * {@code classpath:db/platform} with their own history table, then the service's schema from
 * its usual locations. Keeping two histories lets the platform add migrations without
 * colliding with any service's version numbers.
 */
public class PlatformMigrations implements FlywayMigrationStrategy {

    public static final String HISTORY_TABLE = "platform_schema_history";

    @Override
    public void migrate(Flyway flyway) {
        Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .locations("classpath:db/platform")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        flyway.migrate();
    }
}
