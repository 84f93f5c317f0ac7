-- Opportunities: owned records (owner_id, org_path) in a pipeline stage. probability_override is NULL while the
-- opportunity follows its stage's default win probability. last_movement_at is the later of the last stage change
-- and the last logged activity: what the stalled-deals list compares with the stage's stall threshold.
CREATE TABLE opportunities (
    id                   VARCHAR(36)   NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    customer_id          VARCHAR(64)   NOT NULL,
    amount               DECIMAL(19,2) NOT NULL,
    currency             CHAR(3)       NOT NULL,
    expected_close_date  DATE          NOT NULL,
    competitor           VARCHAR(200)  NULL,
    stage_code           VARCHAR(32)   NOT NULL,
    probability_override INT           NULL,
    status               VARCHAR(10)   NOT NULL,
    loss_reason          VARCHAR(32)   NULL,
    close_note           VARCHAR(2000) NULL,
    closed_at            DATETIME(6)   NULL,
    closed_on            DATE          NULL,
    source_lead_id       VARCHAR(64)   NULL,
    stage_entered_at     DATETIME(6)   NOT NULL,
    last_activity_at     DATETIME(6)   NULL,
    last_movement_at     DATETIME(6)   NOT NULL,
    owner_id             VARCHAR(64)   NOT NULL,
    org_path             VARCHAR(255)  NOT NULL,
    created_by           VARCHAR(64)   NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_opportunities_stage FOREIGN KEY (stage_code) REFERENCES pipeline_stages (code),
    CONSTRAINT fk_opportunities_loss_reason FOREIGN KEY (loss_reason) REFERENCES loss_reasons (code)
);
CREATE INDEX ix_opportunities_owner ON opportunities (owner_id, status);
CREATE INDEX ix_opportunities_org ON opportunities (org_path);
CREATE INDEX ix_opportunities_close ON opportunities (status, expected_close_date);
CREATE INDEX ix_opportunities_closed_on ON opportunities (status, closed_on);
CREATE INDEX ix_opportunities_movement ON opportunities (status, last_movement_at);
CREATE INDEX ix_opportunities_customer ON opportunities (customer_id);
CREATE INDEX ix_opportunities_created ON opportunities (created_at, id);
CREATE INDEX ix_opportunities_lead ON opportunities (source_lead_id);

-- Products of an opportunity; amount is in the opportunity's currency, NULL when not estimated per line.
CREATE TABLE opportunity_products (
    opportunity_id VARCHAR(36)   NOT NULL,
    line_no        INT           NOT NULL,
    product_id     VARCHAR(36)   NOT NULL,
    quantity       BIGINT        NOT NULL,
    amount         DECIMAL(19,2) NULL,
    PRIMARY KEY (opportunity_id, line_no),
    CONSTRAINT fk_opportunity_products FOREIGN KEY (opportunity_id) REFERENCES opportunities (id)
);

-- Every stage an opportunity entered, in order (id), with who moved it and how long it stayed in the one before.
-- from_stage is NULL for the row that opened the opportunity.
CREATE TABLE opportunity_stage_changes (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    opportunity_id     VARCHAR(36)   NOT NULL,
    from_stage         VARCHAR(32)   NULL,
    to_stage           VARCHAR(32)   NOT NULL,
    probability        INT           NOT NULL,
    changed_at         DATETIME(6)   NOT NULL,
    changed_by         VARCHAR(64)   NOT NULL,
    days_in_from_stage BIGINT        NULL,
    note               VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_stage_changes_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunities (id)
);
CREATE INDEX ix_stage_changes_opportunity ON opportunity_stage_changes (opportunity_id, id);

-- Calls, e-mails, meetings and notes logged on an opportunity: each one moves last_activity_at.
CREATE TABLE opportunity_activities (
    id             VARCHAR(36)   NOT NULL,
    opportunity_id VARCHAR(36)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    details        VARCHAR(4000) NOT NULL,
    occurred_at    DATETIME(6)   NOT NULL,
    recorded_by    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_activities_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunities (id)
);
CREATE INDEX ix_activities_opportunity ON opportunity_activities (opportunity_id, occurred_at);
