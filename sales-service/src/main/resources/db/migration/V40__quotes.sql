-- Quotes: a quote number (Q-YYYY-NNNNNN) has one or more versions; each version is its own row with its own id.
-- Revising a quote inserts the next version as a DRAFT and marks the previous one SUPERSEDED.

-- The next quote number of each year. A new quote locks its year's row (SELECT ... FOR UPDATE) until its
-- transaction ends, so several replicas never hand out the same number.
CREATE TABLE quote_number_sequences (
    seq_year   INT    NOT NULL,
    next_value BIGINT NOT NULL,
    PRIMARY KEY (seq_year)
);

CREATE TABLE quotes (
    id               VARCHAR(36)   NOT NULL,
    quote_number     VARCHAR(20)   NOT NULL,
    quote_version    INT           NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    customer_id      VARCHAR(64)   NOT NULL,
    opportunity_id   VARCHAR(36)   NULL,
    currency         CHAR(3)       NOT NULL,
    quote_date       DATE          NOT NULL,
    valid_until      DATE          NOT NULL,
    notes            VARCHAR(4000) NULL,
    terms            VARCHAR(4000) NULL,
    list_total       DECIMAL(19,2) NOT NULL,
    net_total        DECIMAL(19,2) NOT NULL,
    vat_total        DECIMAL(19,2) NOT NULL,
    gross_total      DECIMAL(19,2) NOT NULL,
    discount_percent DECIMAL(19,2) NOT NULL,
    approval_reasons VARCHAR(200)  NULL,
    submitted_by     VARCHAR(64)   NULL,
    submitted_at     DATETIME(6)   NULL,
    sent_at          DATETIME(6)   NULL,
    accepted_at      DATETIME(6)   NULL,
    declined_at      DATETIME(6)   NULL,
    decline_reason   VARCHAR(2000) NULL,
    expired_at       DATETIME(6)   NULL,
    superseded_at    DATETIME(6)   NULL,
    superseded_by    VARCHAR(36)   NULL,
    revised_from     VARCHAR(36)   NULL,
    owner_id         VARCHAR(64)   NOT NULL,
    org_path         VARCHAR(255)  NOT NULL,
    created_by       VARCHAR(64)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_quotes_number_version UNIQUE (quote_number, quote_version)
);
-- lists: a rep's own quotes, a manager's org subtree, a customer's or an opportunity's quotes, newest first
CREATE INDEX ix_quotes_owner ON quotes (owner_id, created_at);
CREATE INDEX ix_quotes_org ON quotes (org_path, created_at);
CREATE INDEX ix_quotes_customer ON quotes (customer_id, created_at);
CREATE INDEX ix_quotes_opportunity ON quotes (opportunity_id, created_at);
-- approved and sent quotes whose validity has passed are expired by this index
CREATE INDEX ix_quotes_status_validity ON quotes (status, valid_until);

-- One line of a quote version: the product, how it was priced (the effective price on the quote date) and the
-- price agreed. line_no is the line's position, 0-based.
CREATE TABLE quote_lines (
    quote_id             VARCHAR(36)   NOT NULL,
    line_no              INT           NOT NULL,
    product_id           VARCHAR(36)   NOT NULL,
    sku                  VARCHAR(64)   NOT NULL,
    product_name         VARCHAR(200)  NOT NULL,
    quantity             INT           NOT NULL,
    requested_unit_price DECIMAL(19,2) NULL,
    requested_discount   DECIMAL(5,2)  NULL,
    price_source         VARCHAR(16)   NOT NULL,
    price_list_id        VARCHAR(36)   NULL,
    price_list_line_id   VARCHAR(36)   NULL,
    list_price           DECIMAL(19,2) NOT NULL,
    list_unit_price      DECIMAL(19,2) NOT NULL,
    floor_price          DECIMAL(19,2) NULL,
    break_min_quantity   INT           NULL,
    unit_price           DECIMAL(19,2) NOT NULL,
    discount_percent     DECIMAL(19,2) NOT NULL,
    vat_rate             DECIMAL(5,4)  NOT NULL,
    net_amount           DECIMAL(19,2) NOT NULL,
    vat_amount           DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (quote_id, line_no),
    CONSTRAINT fk_quote_lines_quote FOREIGN KEY (quote_id) REFERENCES quotes (id)
);

-- Who asked for, gave or refused the approval of a quote version, when and why. seq is the entry's position.
CREATE TABLE quote_approvals (
    quote_id         VARCHAR(36)   NOT NULL,
    seq              INT           NOT NULL,
    decision         VARCHAR(20)   NOT NULL,
    decided_by       VARCHAR(64)   NOT NULL,
    decided_at       DATETIME(6)   NOT NULL,
    reasons          VARCHAR(200)  NULL,
    discount_percent DECIMAL(19,2) NOT NULL,
    discount_limit   DECIMAL(5,2)  NULL,
    note             VARCHAR(2000) NULL,
    PRIMARY KEY (quote_id, seq),
    CONSTRAINT fk_quote_approvals_quote FOREIGN KEY (quote_id) REFERENCES quotes (id)
);
