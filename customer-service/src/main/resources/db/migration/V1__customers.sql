CREATE TABLE customers (
    id          VARCHAR(36)  NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(20)  NOT NULL,
    region_code VARCHAR(32)  NOT NULL,
    email       VARCHAR(200) NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customers_code UNIQUE (code)
);
CREATE INDEX ix_customers_region ON customers (region_code, created_at);
CREATE INDEX ix_customers_created ON customers (created_at, id);
