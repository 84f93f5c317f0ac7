-- Service cases: customer feedback and complaints, tracked to resolution under an SLA per priority.
-- owner_id / org_path: the customer's owner and org unit when the case was opened (data scope of the case).
CREATE TABLE service_cases (
    id                     VARCHAR(36)   NOT NULL,
    customer_id            VARCHAR(36)   NOT NULL,
    category               VARCHAR(20)   NOT NULL,
    priority               VARCHAR(10)   NOT NULL,
    subject                VARCHAR(200)  NOT NULL,
    description            VARCHAR(4000) NOT NULL,
    contact_id             VARCHAR(64)   NULL,
    status                 VARCHAR(12)   NOT NULL,
    assignee_id            VARCHAR(64)   NULL,
    opened_by              VARCHAR(64)   NOT NULL,
    opened_at              DATETIME(6)   NOT NULL,
    first_response_due_at  DATETIME(6)   NOT NULL,
    resolution_due_at      DATETIME(6)   NOT NULL,
    first_responded_at     DATETIME(6)   NULL,
    resolved_at            DATETIME(6)   NULL,
    resolution             VARCHAR(4000) NULL,
    closed_at              DATETIME(6)   NULL,
    satisfaction_score     INT           NULL,
    owner_id               VARCHAR(64)   NOT NULL,
    org_path               VARCHAR(255)  NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    version                BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_service_cases_customer ON service_cases (customer_id, opened_at);
CREATE INDEX ix_service_cases_owner ON service_cases (owner_id, opened_at);
CREATE INDEX ix_service_cases_org_path ON service_cases (org_path, opened_at);
CREATE INDEX ix_service_cases_assignee ON service_cases (assignee_id, status);
CREATE INDEX ix_service_cases_first_response ON service_cases (first_responded_at, first_response_due_at);
CREATE INDEX ix_service_cases_resolution ON service_cases (resolved_at, resolution_due_at);

-- What happened to a case: opened, assigned, every status change (from, to) and every comment, by whom and when.
CREATE TABLE service_case_history (
    id           VARCHAR(36)   NOT NULL,
    case_id      VARCHAR(36)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    from_status  VARCHAR(12)   NULL,
    to_status    VARCHAR(12)   NULL,
    actor_id     VARCHAR(64)   NOT NULL,
    at           DATETIME(6)   NOT NULL,
    note         VARCHAR(4000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_service_case_history_case FOREIGN KEY (case_id) REFERENCES service_cases (id)
);
CREATE INDEX ix_service_case_history_case ON service_case_history (case_id, at);
