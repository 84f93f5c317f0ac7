-- Revision history of customers (Hibernate Envers). One revinfo row per transaction that changed an audited
-- entity: when (epoch milliseconds) and by whom (user or client id, 'system' without a caller). Each *_aud table holds
-- the audited state of its rows at each revision; revtype 0 = added, 1 = modified, 2 = deleted.
CREATE TABLE revinfo (
    rev        BIGINT      NOT NULL AUTO_INCREMENT,
    revtstmp   BIGINT      NOT NULL,
    changed_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (rev)
);

-- not audited: tax_id_key, name_key, city_key (derived), last_activity_at, last_order_at (kept by other features,
-- not history), updated_at (the revision's own time), version
CREATE TABLE customers_aud (
    id               VARCHAR(36)  NOT NULL,
    rev              BIGINT       NOT NULL,
    revtype          TINYINT      NULL,
    code             VARCHAR(32)  NULL,
    name             VARCHAR(200) NULL,
    legal_name       VARCHAR(200) NULL,
    tax_id           VARCHAR(40)  NULL,
    type             VARCHAR(20)  NULL,
    region_code      VARCHAR(32)  NULL,
    email            VARCHAR(200) NULL,
    level            VARCHAR(10)  NULL,
    grade            VARCHAR(32)  NULL,
    status           VARCHAR(12)  NULL,
    industry         VARCHAR(64)  NULL,
    company_size     VARCHAR(32)  NULL,
    route_code       VARCHAR(32)  NULL,
    route_stop       INT          NULL,
    city             VARCHAR(100) NULL,
    website          VARCHAR(300) NULL,
    established_date DATE         NULL,
    parent_id        VARCHAR(36)  NULL,
    owner_id         VARCHAR(64)  NULL,
    org_path         VARCHAR(255) NULL,
    created_at       DATETIME(6)  NULL,
    PRIMARY KEY (rev, id),
    CONSTRAINT fk_customers_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
);
CREATE INDEX ix_customers_aud_id ON customers_aud (id, rev);

CREATE TABLE customer_phones_aud (
    customer_id  VARCHAR(36) NOT NULL,
    rev          BIGINT      NOT NULL,
    revtype      TINYINT     NOT NULL,
    sort_order   INT         NOT NULL,
    phone_number VARCHAR(40) NULL,
    label        VARCHAR(40) NULL,
    normalized   VARCHAR(20) NULL,
    PRIMARY KEY (rev, customer_id, sort_order, revtype),
    CONSTRAINT fk_customer_phones_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
);

CREATE TABLE customer_addresses_aud (
    customer_id  VARCHAR(36)  NOT NULL,
    rev          BIGINT       NOT NULL,
    revtype      TINYINT      NOT NULL,
    sort_order   INT          NOT NULL,
    kind         VARCHAR(10)  NULL,
    line1        VARCHAR(200) NULL,
    line2        VARCHAR(200) NULL,
    city         VARCHAR(100) NULL,
    province     VARCHAR(100) NULL,
    postal_code  VARCHAR(20)  NULL,
    country_code VARCHAR(2)   NULL,
    is_default   BOOLEAN      NULL,
    PRIMARY KEY (rev, customer_id, sort_order, revtype),
    CONSTRAINT fk_customer_addresses_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
);

CREATE TABLE customer_tags_aud (
    customer_id VARCHAR(36) NOT NULL,
    rev         BIGINT      NOT NULL,
    revtype     TINYINT     NULL,
    tag         VARCHAR(40) NOT NULL,
    PRIMARY KEY (rev, customer_id, tag),
    CONSTRAINT fk_customer_tags_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
);

CREATE TABLE customer_attributes_aud (
    customer_id VARCHAR(36)  NOT NULL,
    rev         BIGINT       NOT NULL,
    revtype     TINYINT      NULL,
    attr_key    VARCHAR(64)  NOT NULL,
    attr_value  VARCHAR(500) NOT NULL,
    PRIMARY KEY (rev, customer_id, attr_key, attr_value),
    CONSTRAINT fk_customer_attributes_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
);
