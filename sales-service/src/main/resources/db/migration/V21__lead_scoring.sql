-- Admin-defined scoring rules: a FIELD condition on the lead or a BEHAVIOUR signal type, worth points
-- (negative allowed) that lose decay_per_week points per full week, a signal counted at most max_count times.
CREATE TABLE lead_scoring_rules (
    id              VARCHAR(36)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    kind            VARCHAR(12)   NOT NULL,
    field           VARCHAR(20)   NULL,
    operator        VARCHAR(16)   NULL,
    amount          DECIMAL(19,2) NULL,
    currency        CHAR(3)       NULL,
    months          INT           NULL,
    vals            VARCHAR(1000) NULL,
    signal_type     VARCHAR(64)   NULL,
    points          INT           NOT NULL,
    decay_per_week  INT           NOT NULL,
    max_count       INT           NULL,
    active          BOOLEAN       NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (id)
);

-- One row: band thresholds and the version of the rule set (raised by every rule or threshold change).
CREATE TABLE lead_scoring_settings (
    id             INT         NOT NULL,
    hot_threshold  INT         NOT NULL,
    warm_threshold INT         NOT NULL,
    rules_version  BIGINT      NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO lead_scoring_settings (id, hot_threshold, warm_threshold, rules_version, updated_at)
VALUES (1, 60, 30, 1, CURRENT_TIMESTAMP(6));

-- Background rescoring of every open lead after a rule change; any replica works on it.
CREATE TABLE lead_rescore_jobs (
    id             VARCHAR(36)  NOT NULL,
    rules_version  BIGINT       NOT NULL,
    reason         VARCHAR(255) NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    leads_rescored INT          NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    finished_at    DATETIME(6)  NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_lead_rescore_jobs_status ON lead_rescore_jobs (status, rules_version);
