-- Price lists under approval (DRAFT -> SUBMITTED -> REVIEWED -> ACTIVE -> EXPIRED) and their lines.
-- entered_by: every user who entered, edited or submitted the list (space-separated): none of them may review
-- or confirm it. Scope columns are NULL for "any value"; scope_key is the normalized scope, so lists of exactly the same
-- scope are found by one index look-up when a new one is activated.
CREATE TABLE price_lists (
    id              VARCHAR(36)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    currency        CHAR(3)       NOT NULL,
    valid_from      DATE          NOT NULL,
    valid_to        DATE          NULL,
    region_code     VARCHAR(32)   NULL,
    customer_type   VARCHAR(32)   NULL,
    customer_level  VARCHAR(32)   NULL,
    category_id     VARCHAR(36)   NULL,
    scope_key       VARCHAR(200)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    entered_by      TEXT          NOT NULL,
    submitted_by    VARCHAR(100)  NULL,
    submitted_at    DATETIME(6)   NULL,
    reviewed_by     VARCHAR(100)  NULL,
    reviewed_at     DATETIME(6)   NULL,
    activated_by    VARCHAR(100)  NULL,
    activated_at    DATETIME(6)   NULL,
    rejected_by     VARCHAR(100)  NULL,
    rejected_at     DATETIME(6)   NULL,
    rejection_note  VARCHAR(1000) NULL,
    superseded_by   VARCHAR(36)   NULL,
    expired_at      DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_price_lists_scope ON price_lists (scope_key, status, valid_from);
CREATE INDEX ix_price_lists_status ON price_lists (status, valid_from, id);
CREATE INDEX ix_price_lists_created ON price_lists (created_at, id);

-- One row per scope ever activated: activating a list locks its scope's row (SELECT ... FOR UPDATE), so two
-- activations of the same scope on different replicas run one after the other.
CREATE TABLE price_list_scope_locks (
    scope_key  VARCHAR(200) NOT NULL,
    PRIMARY KEY (scope_key)
);

-- A line prices one product (product_id) or every product of a category subtree (category_id), never both.
-- breaks: the quantity breaks as JSON, [{"minQuantity":10,"price":95.00}, ...], ascending.
CREATE TABLE price_list_lines (
    id             VARCHAR(36)   NOT NULL,
    price_list_id  VARCHAR(36)   NOT NULL,
    product_id     VARCHAR(36)   NULL,
    category_id    VARCHAR(36)   NULL,
    list_price     DECIMAL(19,2) NOT NULL,
    floor_price    DECIMAL(19,2) NOT NULL,
    breaks         TEXT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_price_list_lines_list FOREIGN KEY (price_list_id) REFERENCES price_lists (id),
    CONSTRAINT uk_price_list_lines_product UNIQUE (price_list_id, product_id),
    CONSTRAINT uk_price_list_lines_category UNIQUE (price_list_id, category_id)
);
-- the effective-price look-up: every line of a product, or of a category, across lists
CREATE INDEX ix_price_list_lines_product ON price_list_lines (product_id, price_list_id);
CREATE INDEX ix_price_list_lines_category ON price_list_lines (category_id, price_list_id);

-- History (Hibernate Envers): one revision per transaction that changed a price list, with who made it.
CREATE TABLE audit_revisions (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    revised_at  BIGINT       NOT NULL,
    revised_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE price_lists_aud (
    id              VARCHAR(36)   NOT NULL,
    rev             BIGINT        NOT NULL,
    revtype         TINYINT       NULL,
    name            VARCHAR(200)  NULL,
    currency        CHAR(3)       NULL,
    valid_from      DATE          NULL,
    valid_to        DATE          NULL,
    region_code     VARCHAR(32)   NULL,
    customer_type   VARCHAR(32)   NULL,
    customer_level  VARCHAR(32)   NULL,
    category_id     VARCHAR(36)   NULL,
    scope_key       VARCHAR(200)  NULL,
    status          VARCHAR(20)   NULL,
    created_by      VARCHAR(100)  NULL,
    entered_by      TEXT          NULL,
    submitted_by    VARCHAR(100)  NULL,
    submitted_at    DATETIME(6)   NULL,
    reviewed_by     VARCHAR(100)  NULL,
    reviewed_at     DATETIME(6)   NULL,
    activated_by    VARCHAR(100)  NULL,
    activated_at    DATETIME(6)   NULL,
    rejected_by     VARCHAR(100)  NULL,
    rejected_at     DATETIME(6)   NULL,
    rejection_note  VARCHAR(1000) NULL,
    superseded_by   VARCHAR(36)   NULL,
    expired_at      DATETIME(6)   NULL,
    created_at      DATETIME(6)   NULL,
    updated_at      DATETIME(6)   NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_price_lists_aud_rev FOREIGN KEY (rev) REFERENCES audit_revisions (id)
);

CREATE TABLE price_list_lines_aud (
    id             VARCHAR(36)   NOT NULL,
    rev            BIGINT        NOT NULL,
    revtype        TINYINT       NULL,
    price_list_id  VARCHAR(36)   NULL,
    product_id     VARCHAR(36)   NULL,
    category_id    VARCHAR(36)   NULL,
    list_price     DECIMAL(19,2) NULL,
    floor_price    DECIMAL(19,2) NULL,
    breaks         TEXT          NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT fk_price_list_lines_aud_rev FOREIGN KEY (rev) REFERENCES audit_revisions (id)
);
CREATE INDEX ix_price_list_lines_aud_list ON price_list_lines_aud (price_list_id, rev);
