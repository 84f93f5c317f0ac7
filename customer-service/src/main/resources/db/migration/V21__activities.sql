-- Visits, calls, e-mails, meetings and notes logged with a customer. Immutable once logged, but for a same-day
-- correction of their texts by the author (version, corrected_at). owner_id/org_path: the customer's owner and org
-- unit when the activity was logged, so a manager sees the visits made on the team's customers.
CREATE TABLE activities (
    id                VARCHAR(36)   NOT NULL,
    customer_id       VARCHAR(36)   NOT NULL,
    type              VARCHAR(10)   NOT NULL,
    occurred_at       DATETIME(6)   NOT NULL,
    logged_by         VARCHAR(64)   NOT NULL,
    logged_at         DATETIME(6)   NOT NULL,
    subject           VARCHAR(200)  NOT NULL,
    details           VARCHAR(4000) NULL,
    outcome           VARCHAR(1000) NULL,
    next_step         VARCHAR(1000) NULL,
    duration_minutes  INT           NULL,
    location          VARCHAR(200)  NULL,
    purpose           VARCHAR(500)  NULL,
    follow_up_task_id VARCHAR(36)   NULL,
    corrected_at      DATETIME(6)   NULL,
    owner_id          VARCHAR(64)   NOT NULL,
    org_path          VARCHAR(255)  NOT NULL,
    version           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_activities_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_activities_customer_time ON activities (customer_id, occurred_at);
CREATE INDEX ix_activities_logger_time ON activities (logged_by, occurred_at);
CREATE INDEX ix_activities_owner_time ON activities (owner_id, occurred_at);
CREATE INDEX ix_activities_org_time ON activities (org_path, occurred_at);

-- The customer's contacts who took part (ids only: a contact deleted later stays named here).
CREATE TABLE activity_contacts (
    activity_id VARCHAR(36) NOT NULL,
    contact_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (activity_id, contact_id),
    CONSTRAINT fk_activity_contacts_activity FOREIGN KEY (activity_id) REFERENCES activities (id)
);
