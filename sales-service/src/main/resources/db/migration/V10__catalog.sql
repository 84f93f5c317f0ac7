-- The catalog's category tree and the product fields that classify and describe a product.
-- id_path is the materialized path of ids from the root down to the category itself, e.g. '/a/b/c/':
-- a subtree is every category whose id_path starts with its root's id_path.
CREATE TABLE product_categories (
    id          VARCHAR(36)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    parent_id   VARCHAR(36)  NULL,
    parent_key  VARCHAR(36)  NOT NULL,
    id_path     VARCHAR(400) NOT NULL,
    depth       INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_product_categories_sibling_name UNIQUE (parent_key, name),
    CONSTRAINT fk_product_categories_parent FOREIGN KEY (parent_id) REFERENCES product_categories (id)
);
CREATE INDEX ix_product_categories_path ON product_categories (id_path);

ALTER TABLE products
    ADD COLUMN brand                    VARCHAR(100) NULL,
    ADD COLUMN category_id              VARCHAR(36)  NULL,
    ADD COLUMN specification_text       TEXT         NULL,
    ADD COLUMN specification_attributes TEXT         NULL,
    ADD COLUMN tax_category             VARCHAR(32)  NOT NULL DEFAULT 'STANDARD',
    ADD COLUMN vat_rate                 DECIMAL(5,4) NOT NULL DEFAULT 0.1300,
    ADD COLUMN key_brand                BOOLEAN      NOT NULL DEFAULT FALSE;
ALTER TABLE products
    ADD CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES product_categories (id);
CREATE INDEX ix_products_category ON products (category_id, status);
CREATE INDEX ix_products_brand ON products (brand, status);
CREATE INDEX ix_products_key_brand ON products (key_brand, status);
