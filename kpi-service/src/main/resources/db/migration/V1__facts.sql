-- Facts recorded from other services' events. Each fact is keyed by its natural id, so a
-- redelivered or replayed event can never count twice; facts are never updated.
-- Ids compare exactly (binary collation): they are opaque and case matters.

CREATE TABLE order_facts (
    order_id     VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    customer_id  VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    sales_rep_id VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    total        DECIMAL(19,2) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    approved_at  DATETIME(6)   NOT NULL,
    recorded_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_id)
);
CREATE INDEX ix_order_facts_rep ON order_facts (sales_rep_id, currency);
CREATE INDEX ix_order_facts_customer ON order_facts (customer_id, currency);
CREATE INDEX ix_order_facts_currency ON order_facts (currency, sales_rep_id);

-- A payment may be recorded before the approval of its order: cash is attributed to a rep at
-- query time by joining on order_id, so the arrival order of the two events does not matter.
CREATE TABLE payment_facts (
    payment_id  VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    order_id    VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    customer_id VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    amount      DECIMAL(19,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    posted_at   DATETIME(6)   NOT NULL,
    recorded_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (payment_id)
);
CREATE INDEX ix_payment_facts_order ON payment_facts (order_id, currency);
CREATE INDEX ix_payment_facts_customer ON payment_facts (customer_id, currency);
