-- The customer archive: classification, contact details, the relationship tree, duplicate keys, custom attributes.
ALTER TABLE customers ADD COLUMN legal_name VARCHAR(200) NULL;
ALTER TABLE customers ADD COLUMN tax_id VARCHAR(40) NULL;
ALTER TABLE customers ADD COLUMN grade VARCHAR(32) NULL;
ALTER TABLE customers ADD COLUMN industry VARCHAR(64) NULL;
ALTER TABLE customers ADD COLUMN company_size VARCHAR(32) NULL;
ALTER TABLE customers ADD COLUMN route_code VARCHAR(32) NULL;
ALTER TABLE customers ADD COLUMN route_stop INT NULL;
ALTER TABLE customers ADD COLUMN city VARCHAR(100) NULL;
ALTER TABLE customers ADD COLUMN website VARCHAR(300) NULL;
ALTER TABLE customers ADD COLUMN established_date DATE NULL;
-- relationship tree: distributor -> dealer -> outlet
ALTER TABLE customers ADD COLUMN parent_id VARCHAR(36) NULL;
-- duplicate detection keys (see DuplicateKeys): tax id without punctuation in upper case; name and city in lower
-- case without white space. Existing customers have neither tax id nor city, so only their name key is filled.
ALTER TABLE customers ADD COLUMN tax_id_key VARCHAR(40) NULL;
ALTER TABLE customers ADD COLUMN name_key VARCHAR(200) NULL;
ALTER TABLE customers ADD COLUMN city_key VARCHAR(100) NULL;
UPDATE customers SET name_key = LOWER(REPLACE(REPLACE(REPLACE(REPLACE(name, ' ', ''), '\t', ''), '\n', ''), '\r', ''));

ALTER TABLE customers ADD CONSTRAINT fk_customers_parent FOREIGN KEY (parent_id) REFERENCES customers (id);
-- a tax id belongs to one legal entity: at most one customer has it (NULLs do not collide)
CREATE UNIQUE INDEX uk_customers_tax_id_key ON customers (tax_id_key);
CREATE INDEX ix_customers_name_city ON customers (name_key, city_key);
-- search filters
CREATE INDEX ix_customers_type ON customers (type, created_at);
CREATE INDEX ix_customers_level ON customers (level, created_at);
CREATE INDEX ix_customers_grade ON customers (grade);
CREATE INDEX ix_customers_industry ON customers (industry);
CREATE INDEX ix_customers_size ON customers (company_size);
CREATE INDEX ix_customers_route ON customers (route_code, route_stop);
CREATE INDEX ix_customers_last_activity ON customers (last_activity_at);
CREATE INDEX ix_customers_name ON customers (name);

-- phone numbers as entered, with their normalized digits (see PhoneNumbers) for duplicate rules and phone lookup
CREATE TABLE customer_phones (
    customer_id  VARCHAR(36) NOT NULL,
    sort_order   INT         NOT NULL,
    phone_number VARCHAR(40) NOT NULL,
    label        VARCHAR(40) NULL,
    normalized   VARCHAR(20) NOT NULL,
    PRIMARY KEY (customer_id, sort_order),
    CONSTRAINT fk_customer_phones_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_customer_phones_normalized ON customer_phones (normalized);

CREATE TABLE customer_addresses (
    customer_id  VARCHAR(36)  NOT NULL,
    sort_order   INT          NOT NULL,
    kind         VARCHAR(10)  NOT NULL,
    line1        VARCHAR(200) NOT NULL,
    line2        VARCHAR(200) NULL,
    city         VARCHAR(100) NULL,
    province     VARCHAR(100) NULL,
    postal_code  VARCHAR(20)  NULL,
    country_code VARCHAR(2)   NULL,
    is_default   BOOLEAN      NOT NULL,
    PRIMARY KEY (customer_id, sort_order),
    CONSTRAINT fk_customer_addresses_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);

CREATE TABLE customer_tags (
    customer_id VARCHAR(36) NOT NULL,
    tag         VARCHAR(40) NOT NULL,
    PRIMARY KEY (customer_id, tag),
    CONSTRAINT fk_customer_tags_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_customer_tags_tag ON customer_tags (tag, customer_id);

-- custom attributes: admin-defined fields, then one value per customer and key (canonical text of its type)
CREATE TABLE customer_attribute_definitions (
    attr_key    VARCHAR(64)    NOT NULL,
    label       VARCHAR(100)   NOT NULL,
    type        VARCHAR(10)    NOT NULL,
    required    BOOLEAN        NOT NULL,
    max_length  INT            NULL,
    pattern     VARCHAR(500)   NULL,
    min_value   DECIMAL(38, 10) NULL,
    max_value   DECIMAL(38, 10) NULL,
    created_at  DATETIME(6)    NOT NULL,
    updated_at  DATETIME(6)    NOT NULL,
    version     BIGINT         NOT NULL,
    PRIMARY KEY (attr_key)
);

CREATE TABLE customer_attribute_options (
    attr_key     VARCHAR(64)  NOT NULL,
    sort_order   INT          NOT NULL,
    option_value VARCHAR(100) NOT NULL,
    PRIMARY KEY (attr_key, sort_order),
    CONSTRAINT fk_customer_attribute_options_definition FOREIGN KEY (attr_key)
        REFERENCES customer_attribute_definitions (attr_key)
);

CREATE TABLE customer_attributes (
    customer_id VARCHAR(36)  NOT NULL,
    attr_key    VARCHAR(64)  NOT NULL,
    attr_value  VARCHAR(500) NOT NULL,
    PRIMARY KEY (customer_id, attr_key),
    CONSTRAINT fk_customer_attributes_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_customer_attributes_value ON customer_attributes (attr_key, attr_value);

-- customers merged away: where their id now points (answers a read of the old id), who merged them and why
CREATE TABLE customer_merges (
    merged_customer_id    VARCHAR(36)  NOT NULL,
    merged_code           VARCHAR(32)  NOT NULL,
    surviving_customer_id VARCHAR(36)  NOT NULL,
    reason                VARCHAR(500) NOT NULL,
    merged_by             VARCHAR(64)  NOT NULL,
    merged_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (merged_customer_id)
);
CREATE INDEX ix_customer_merges_survivor ON customer_merges (surviving_customer_id);
