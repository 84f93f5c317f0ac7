package io.channelops.customer.imports;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of customer imports, under {@code channelops.customer.imports.*} (each with an environment variable in
 * application.yml).
 *
 * @param maxBytes largest CSV file accepted (413 above it)
 * @param maxRows data rows imported from one file; rows beyond are counted and reported, not imported
 * @param batchSize rows written per database transaction in a background import; 1 = one transaction per row
 * @param maxReturnedErrors row errors a dry run returns in its answer (the count is always exact)
 * @param workers imports running at the same time in this process
 * @param queueCapacity imports waiting for a worker in this process; beyond that an upload answers 503
 * @param spoolDirectory where uploads are kept until their job has read them; the system temp directory if unset
 * @param heartbeatInterval how often a process tells the database that its jobs are still alive
 * @param staleAfter a QUEUED or RUNNING job whose process has not said so for this long is marked FAILED
 */
@ConfigurationProperties("channelops.customer.imports")
public record ImportSettings(
        @DefaultValue("50MB") DataSize maxBytes,
        @DefaultValue("200000") int maxRows,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1000") int maxReturnedErrors,
        @DefaultValue("1") int workers,
        @DefaultValue("10") int queueCapacity,
        @Nullable Path spoolDirectory,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("2m") Duration staleAfter) {

    public ImportSettings {
        if (maxRows < 1 || batchSize < 1 || maxReturnedErrors < 0 || workers < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("channelops.customer.imports: maxRows, batchSize and workers must "
                    + "be at least 1, maxReturnedErrors and queueCapacity at least 0");
        }
    }

    /** The spool directory in use. */
    public Path spool() {
        return spoolDirectory != null ? spoolDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "channelops-customer-imports");
    }
}
