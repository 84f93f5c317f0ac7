-- Platform tables every service has: outbox, inbox, dead letters, idempotency keys.
-- Kept to the SQL that MySQL 8.4 and MariaDB 11.4 share.

CREATE TABLE outbox_events (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    event_id          VARCHAR(36)  NOT NULL,
    topic             VARCHAR(200) NOT NULL,
    message_key       VARCHAR(200) NOT NULL,
    event_type        VARCHAR(200) NOT NULL,
    source            VARCHAR(200) NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    payload           LONGTEXT     NOT NULL,
    traceparent       VARCHAR(64)  NULL,
    occurred_at       DATETIME(6)  NOT NULL,
    published_at      DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_outbox_events_event_id UNIQUE (event_id)
);
CREATE INDEX ix_outbox_events_pending ON outbox_events (published_at, id);

CREATE TABLE outbox_aggregate_versions (
    aggregate_type VARCHAR(200) NOT NULL,
    aggregate_id   VARCHAR(200) NOT NULL,
    last_version   BIGINT       NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);

CREATE TABLE outbox_relay_lock (
    name VARCHAR(50) NOT NULL,
    PRIMARY KEY (name)
);
INSERT INTO outbox_relay_lock (name) VALUES ('relay');

CREATE TABLE inbox_events (
    event_id          VARCHAR(100) NOT NULL,
    event_type        VARCHAR(200) NOT NULL,
    aggregate_id      VARCHAR(200) NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    topic             VARCHAR(200) NOT NULL,
    received_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id)
);

CREATE TABLE inbox_aggregate_versions (
    aggregate_key VARCHAR(400) NOT NULL,
    last_version  BIGINT       NOT NULL,
    PRIMARY KEY (aggregate_key)
);

CREATE TABLE dead_letters (
    id               VARCHAR(36)   NOT NULL,
    topic            VARCHAR(200)  NOT NULL,
    record_partition INT           NOT NULL,
    record_offset    BIGINT        NOT NULL,
    message_key      VARCHAR(200)  NULL,
    event_id         VARCHAR(100)  NULL,
    event_type       VARCHAR(200)  NULL,
    headers          TEXT          NOT NULL,
    payload          LONGTEXT      NULL,
    error            VARCHAR(2000) NOT NULL,
    failed_at        DATETIME(6)   NOT NULL,
    replayed_at      DATETIME(6)   NULL,
    status           VARCHAR(20)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_dead_letters_status ON dead_letters (status, failed_at);

CREATE TABLE idempotency_keys (
    scope                 VARCHAR(300) NOT NULL,
    idem_key              VARCHAR(255) NOT NULL,
    request_hash          CHAR(64)     NOT NULL,
    state                 VARCHAR(20)  NOT NULL,
    response_status       INT          NULL,
    response_body         LONGTEXT     NULL,
    response_location     VARCHAR(500) NULL,
    response_content_type VARCHAR(200) NULL,
    created_at            DATETIME(6)  NOT NULL,
    completed_at          DATETIME(6)  NULL,
    PRIMARY KEY (scope, idem_key)
);
