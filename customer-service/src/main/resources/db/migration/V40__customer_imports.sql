-- Customer imports: one row per uploaded CSV file that is imported in the background, with its progress.
-- Owned like every business record (owner_id = who uploaded it, org_path = their org unit).
CREATE TABLE customer_import_jobs (
    id             VARCHAR(36)   NOT NULL,
    status         VARCHAR(12)   NOT NULL,
    file_name      VARCHAR(255)  NULL,
    file_sha256    CHAR(64)      NOT NULL,
    file_bytes     BIGINT        NOT NULL,
    -- charset, delimiter, header, column mapping and recordCreated as JSON, as the client sent them
    options        TEXT          NOT NULL,
    -- SHA-256 of owner + file SHA-256 + canonical options; equal fingerprints = the same import
    fingerprint    CHAR(64)      NOT NULL,
    -- the fingerprint while the job is QUEUED, RUNNING or COMPLETED, NULL once FAILED: at most one live job
    -- per caller and file+options (NULLs never collide in a unique index, in MySQL and MariaDB alike)
    dedup_key      CHAR(64)      NULL,
    rows_read      BIGINT        NOT NULL,
    rows_imported  BIGINT        NOT NULL,
    rows_failed    BIGINT        NOT NULL,
    rows_skipped   BIGINT        NOT NULL,
    error_count    BIGINT        NOT NULL,
    failure_code   VARCHAR(64)   NULL,
    failure_detail VARCHAR(1000) NULL,
    -- which process runs it (instance name) and when that process last said it still does
    runner         VARCHAR(255)  NULL,
    heartbeat_at   DATETIME(6)   NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    started_at     DATETIME(6)   NULL,
    finished_at    DATETIME(6)   NULL,
    owner_id       VARCHAR(64)   NOT NULL,
    org_path       VARCHAR(255)  NOT NULL,
    version        BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customer_import_jobs_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_customer_import_jobs_owner ON customer_import_jobs (owner_id, created_at);
CREATE INDEX ix_customer_import_jobs_org_path ON customer_import_jobs (org_path, created_at);
CREATE INDEX ix_customer_import_jobs_live ON customer_import_jobs (status, heartbeat_at);

-- What happened to rows of a job: every failing row (one entry per problem: a row can have several), and the
-- created customer of every imported row when the job asked for it. Written in the job's order (id ascending).
CREATE TABLE customer_import_rows (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    job_id      VARCHAR(36)   NOT NULL,
    outcome     VARCHAR(8)    NOT NULL,
    row_no      BIGINT        NOT NULL,
    line_no     BIGINT        NOT NULL,
    column_name VARCHAR(255)  NULL,
    field       VARCHAR(100)  NULL,
    code        VARCHAR(64)   NULL,
    message     VARCHAR(1000) NULL,
    customer_id VARCHAR(36)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_import_rows_job FOREIGN KEY (job_id) REFERENCES customer_import_jobs (id)
);
CREATE INDEX ix_customer_import_rows_job ON customer_import_rows (job_id, outcome, id);
