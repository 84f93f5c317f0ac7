package io.channelops.customer.imports;

import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded file being imported in the background: QUEUED → RUNNING → COMPLETED, or FAILED from either (a
 * malformed file, a restart, an error). Owned by whoever uploaded it; its rows' problems are kept in
 * {@link ImportRows}. While it is not FAILED it holds its {@code dedupKey}, so the same caller uploading the same file
 * with the same options gets this job back instead of a second import.
 */
@Entity
@Table(name = "customer_import_jobs")
public class ImportJob extends AggregateRoot<ImportJob> {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status;

    @Column(name = "file_name")
    private @Nullable String fileName;

    @Column(name = "file_sha256", nullable = false)
    private String fileSha256;

    @Column(name = "file_bytes", nullable = false)
    private long fileBytes;

    @Column(nullable = false)
    private String options;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "dedup_key")
    private @Nullable String dedupKey;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_imported", nullable = false)
    private long rowsImported;

    @Column(name = "rows_failed", nullable = false)
    private long rowsFailed;

    @Column(name = "rows_skipped", nullable = false)
    private long rowsSkipped;

    @Column(name = "error_count", nullable = false)
    private long errorCount;

    @Column(name = "failure_code")
    private @Nullable String failureCode;

    @Column(name = "failure_detail")
    private @Nullable String failureDetail;

    private @Nullable String runner;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Embedded
    private Ownership ownership;

    @Version
    private long version;

    protected ImportJob() {
        // for JPA
        this.id = "";
        this.status = ImportStatus.QUEUED;
        this.fileSha256 = "";
        this.options = "";
        this.fingerprint = "";
        this.heartbeatAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
        this.ownership = new Ownership("system", "/hq");
    }

    private ImportJob(@Nullable String fileName, String fileSha256, long fileBytes, String options,
            String fingerprint, String runner, Ownership ownership, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.status = ImportStatus.QUEUED;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.fileBytes = fileBytes;
        this.options = options;
        this.fingerprint = fingerprint;
        this.dedupKey = fingerprint;
        this.runner = runner;
        this.heartbeatAt = now;
        this.createdAt = now;
        this.ownership = ownership;
    }

    /** A job accepted by the process {@code runner}, waiting for a worker. */
    static ImportJob queue(@Nullable String fileName, String fileSha256, long fileBytes, String options,
            String fingerprint, String runner, Ownership ownership, Instant now) {
        return new ImportJob(fileName, fileSha256, fileBytes, options, fingerprint, runner, ownership, now);
    }

    void start(Instant now) {
        if (status != ImportStatus.QUEUED) {
            throw ApiProblem.illegalTransition("import job", id, status, "start");
        }
        status = ImportStatus.RUNNING;
        startedAt = now;
        heartbeatAt = now;
    }

    /** The counts so far; refused once the job is no longer RUNNING (e.g. failed as stale by another process). */
    void progress(ImportProgress progress, Instant now) {
        if (status != ImportStatus.RUNNING) {
            throw ApiProblem.illegalTransition("import job", id, status, "record progress of");
        }
        rowsRead = progress.rowsRead();
        rowsImported = progress.rowsImported();
        rowsFailed = progress.rowsFailed();
        rowsSkipped = progress.rowsSkipped();
        errorCount = progress.errors();
        heartbeatAt = now;
    }

    void complete(ImportProgress progress, Instant now) {
        progress(progress, now);
        status = ImportStatus.COMPLETED;
        finishedAt = now;
    }

    /** Stops the job for good; the same file can then be uploaded again as a new job. */
    void fail(String code, String detail, Instant now) {
        if (!status.live()) {
            throw ApiProblem.illegalTransition("import job", id, status, "fail");
        }
        status = ImportStatus.FAILED;
        failureCode = code;
        failureDetail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        dedupKey = null;
        finishedAt = now;
        heartbeatAt = now;
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public ImportStatus status() {
        return status;
    }

    public @Nullable String fileName() {
        return fileName;
    }

    public String fileSha256() {
        return fileSha256;
    }

    public long fileBytes() {
        return fileBytes;
    }

    /** The options as JSON. */
    public String options() {
        return options;
    }

    public ImportProgress progress() {
        return new ImportProgress(rowsRead, rowsImported, rowsFailed, rowsSkipped, errorCount);
    }

    public @Nullable String failureCode() {
        return failureCode;
    }

    public @Nullable String failureDetail() {
        return failureDetail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }

    public Ownership ownership() {
        return ownership;
    }

    public long version() {
        return version;
    }
}
