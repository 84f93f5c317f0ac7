-- Leads: captured interest, owned by a rep (owner_id, org_path) or waiting in a queue (owner_id 'pool',
-- org_path = the team or region whose queue holds it).
CREATE TABLE leads (
    id                     VARCHAR(36)   NOT NULL,
    source                 VARCHAR(20)   NOT NULL,
    campaign               VARCHAR(100)  NULL,
    company                VARCHAR(200)  NOT NULL,
    contact_name           VARCHAR(200)  NOT NULL,
    contact_title          VARCHAR(100)  NULL,
    contact_phone          VARCHAR(40)   NULL,
    contact_email          VARCHAR(200)  NULL,
    need                   VARCHAR(2000) NULL,
    budget_amount          DECIMAL(19,2) NULL,
    budget_currency        CHAR(3)       NULL,
    expected_purchase_date DATE          NULL,
    timeline_months        INT           NULL,
    region_code            VARCHAR(32)   NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    disqualify_reason      VARCHAR(24)   NULL,
    disqualify_note        VARCHAR(1000) NULL,
    owner_id               VARCHAR(64)   NOT NULL,
    org_path               VARCHAR(255)  NOT NULL,
    score                  INT           NOT NULL,
    band                   VARCHAR(8)    NOT NULL,
    scored_at              DATETIME(6)   NOT NULL,
    score_due_at           DATETIME(6)   NULL,
    scored_rules_version   BIGINT        NOT NULL,
    duplicate_check        VARCHAR(16)   NOT NULL,
    possible_duplicates    VARCHAR(4000) NULL,
    email_key              VARCHAR(200)  NULL,
    phone_key              VARCHAR(40)   NULL,
    company_key            VARCHAR(200)  NOT NULL,
    customer_id            VARCHAR(36)   NULL,
    contact_id             VARCHAR(36)   NULL,
    opportunity_id         VARCHAR(36)   NULL,
    qualified_at           DATETIME(6)   NULL,
    closed_at              DATETIME(6)   NULL,
    created_by             VARCHAR(64)   NOT NULL,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    version                BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_leads_owner ON leads (owner_id, created_at);
CREATE INDEX ix_leads_org_path ON leads (org_path, created_at);
CREATE INDEX ix_leads_status_email ON leads (email_key, status);
CREATE INDEX ix_leads_status_phone ON leads (phone_key, status);
CREATE INDEX ix_leads_status_company ON leads (company_key, status);
CREATE INDEX ix_leads_score ON leads (score, created_at);
CREATE INDEX ix_leads_score_due ON leads (score_due_at);
CREATE INDEX ix_leads_rules_version ON leads (scored_rules_version, status);

-- Behaviour signals posted for a lead (e-mail opened, demo requested, ...); signal_key makes a repost a no-op.
CREATE TABLE lead_signals (
    id          VARCHAR(36)   NOT NULL,
    lead_id     VARCHAR(36)   NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    detail      VARCHAR(1000) NULL,
    signal_key  VARCHAR(255)  NULL,
    received_by VARCHAR(64)   NOT NULL,
    received_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_lead_signals_key UNIQUE (lead_id, signal_key),
    CONSTRAINT fk_lead_signals_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_lead_signals_lead ON lead_signals (lead_id, occurred_at);

-- Since when each field rule's condition has held for a lead (the start of its decay).
CREATE TABLE lead_field_conditions (
    lead_id   VARCHAR(36) NOT NULL,
    rule_id   VARCHAR(36) NOT NULL,
    met_since DATETIME(6) NOT NULL,
    PRIMARY KEY (lead_id, rule_id),
    CONSTRAINT fk_lead_field_conditions_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- Every change of a lead's score or band, with its cause.
CREATE TABLE lead_score_history (
    id         VARCHAR(36)  NOT NULL,
    lead_id    VARCHAR(36)  NOT NULL,
    old_score  INT          NULL,
    new_score  INT          NOT NULL,
    old_band   VARCHAR(8)   NULL,
    new_band   VARCHAR(8)   NOT NULL,
    cause      VARCHAR(20)  NOT NULL,
    detail     VARCHAR(255) NULL,
    changed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_lead_score_history_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_lead_score_history_lead ON lead_score_history (lead_id, changed_at);

-- Progress of a lead's conversion: the exact requests sent to customer-service (so a retry sends the same
-- body with the same Idempotency-Key), what was created, and who holds an attempt whose outcome is unknown.
CREATE TABLE lead_conversions (
    lead_id               VARCHAR(36)   NOT NULL,
    opportunity_id        VARCHAR(36)   NOT NULL,
    customer_request      VARCHAR(4000) NOT NULL,
    contact_request       VARCHAR(4000) NOT NULL,
    customer_id           VARCHAR(36)   NULL,
    contact_id            VARCHAR(36)   NULL,
    uncertain_by          VARCHAR(64)   NULL,
    lease_until           DATETIME(6)   NULL,
    attempts              INT           NOT NULL,
    last_failure          VARCHAR(255)  NULL,
    started_by            VARCHAR(64)   NOT NULL,
    started_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    completed_at          DATETIME(6)   NULL,
    PRIMARY KEY (lead_id),
    CONSTRAINT fk_lead_conversions_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
