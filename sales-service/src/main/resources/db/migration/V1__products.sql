CREATE TABLE products (
    id                  VARCHAR(36)   NOT NULL,
    sku                 VARCHAR(64)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    unit                VARCHAR(16)   NOT NULL,
    list_price_amount   DECIMAL(19,2) NOT NULL,
    list_price_currency CHAR(3)       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_products_sku UNIQUE (sku)
);
CREATE INDEX ix_products_status ON products (status, created_at);
CREATE INDEX ix_products_created ON products (created_at, id);
CREATE INDEX ix_products_name ON products (name);
