CREATE TABLE orders (
    id                    VARCHAR(36)   NOT NULL,
    number                VARCHAR(20)   NOT NULL,
    customer_id           VARCHAR(36)   NOT NULL,
    sales_rep_id          VARCHAR(64)   NOT NULL,
    currency              CHAR(3)       NOT NULL,
    total_amount          DECIMAL(19,2) NOT NULL,
    status                VARCHAR(30)   NOT NULL,
    credit_hold_reason    VARCHAR(100)  NULL,
    credit_check_attempts INT           NOT NULL,
    credit_check_error    VARCHAR(500)  NULL,
    credit_checked_at     DATETIME(6)   NULL,
    credit_recheck_after  DATETIME(6)   NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    submitted_at          DATETIME(6)   NULL,
    approved_at           DATETIME(6)   NULL,
    cancelled_at          DATETIME(6)   NULL,
    backordered_at        DATETIME(6)   NULL,
    shipped_at            DATETIME(6)   NULL,
    version               BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_orders_number UNIQUE (number)
);
CREATE INDEX ix_orders_customer ON orders (customer_id, created_at);
CREATE INDEX ix_orders_rep ON orders (sales_rep_id, created_at);
CREATE INDEX ix_orders_status ON orders (status, created_at);
CREATE INDEX ix_orders_created ON orders (created_at, id);
-- the background credit re-check claims due CREDIT_CHECK_PENDING orders by this index
CREATE INDEX ix_orders_credit_recheck ON orders (status, credit_recheck_after);

CREATE TABLE order_lines (
    order_id         VARCHAR(36)   NOT NULL,
    line_no          INT           NOT NULL,
    product_id       VARCHAR(36)   NOT NULL,
    quantity         BIGINT        NOT NULL,
    unit_price       DECIMAL(19,2) NOT NULL,
    line_total       DECIMAL(19,2) NOT NULL,
    price_source     VARCHAR(40)   NOT NULL,
    shipped_quantity BIGINT        NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

-- shipments already counted against an order: a natural key against counting one twice
CREATE TABLE order_shipments (
    order_id    VARCHAR(36)  NOT NULL,
    shipment_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (order_id, shipment_id),
    CONSTRAINT fk_order_shipments_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
