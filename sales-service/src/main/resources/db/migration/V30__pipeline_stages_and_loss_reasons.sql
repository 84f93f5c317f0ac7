-- The configurable pipeline: ordered stages with a default win probability and a stall threshold, and the reasons
-- a deal can be lost for. Both are edited by administrators (sales:configure); rows are never deleted, only
-- deactivated, because opportunities and their history keep referring to them.
CREATE TABLE pipeline_stages (
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    probability INT          NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    stall_days  INT          NULL,
    sort_order  INT          NOT NULL,
    active      BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (code)
);
CREATE INDEX ix_pipeline_stages_order ON pipeline_stages (sort_order, code);

INSERT INTO pipeline_stages (code, name, probability, kind, stall_days, sort_order, active, created_at, updated_at, version)
VALUES ('PROSPECTING',   'Prospecting',   10,  'OPEN', 14,   10, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('QUALIFICATION', 'Qualification', 20,  'OPEN', 21,   20, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('PROPOSAL',      'Proposal',      50,  'OPEN', 21,   30, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('NEGOTIATION',   'Negotiation',   75,  'OPEN', 30,   40, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('WON',           'Won',           100, 'WON',  NULL, 90, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('LOST',          'Lost',          0,   'LOST', NULL, 95, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0);

CREATE TABLE loss_reasons (
    code       VARCHAR(32)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    sort_order INT          NOT NULL,
    active     BOOLEAN      NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL,
    PRIMARY KEY (code)
);

INSERT INTO loss_reasons (code, name, sort_order, active, created_at, updated_at, version)
VALUES ('PRICE',       'Price too high',            10, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('COMPETITOR',  'Went with a competitor',    20, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('NO_BUDGET',   'No budget',                 30, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('NO_DECISION', 'No decision',               40, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('TIMING',      'Bad timing',                50, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('PRODUCT_FIT', 'Product does not fit',      60, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0),
       ('OTHER',       'Other',                     70, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0);
