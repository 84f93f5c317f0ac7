-- finance-service schema: credit accounts, approved orders (for exposure), invoices, payments.
-- Money is DECIMAL(19,2) + CHAR(3); unit prices keep up to 4 decimals.

CREATE TABLE credit_accounts (
    customer_id  VARCHAR(64)   NOT NULL,
    credit_limit DECIMAL(19,2) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL,
    PRIMARY KEY (customer_id)
);

CREATE TABLE approved_orders (
    order_id    VARCHAR(64)   NOT NULL,
    customer_id VARCHAR(64)   NOT NULL,
    total       DECIMAL(19,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    approved_at DATETIME(6)   NOT NULL,
    recorded_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_id)
);
CREATE INDEX ix_approved_orders_customer ON approved_orders (customer_id, currency);

CREATE TABLE invoices (
    id          VARCHAR(36)   NOT NULL,
    number      VARCHAR(32)   NOT NULL,
    order_id    VARCHAR(64)   NOT NULL,
    customer_id VARCHAR(64)   NOT NULL,
    shipment_id VARCHAR(64)   NOT NULL,
    total       DECIMAL(19,2) NOT NULL,
    paid_amount DECIMAL(19,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    issued_at   DATETIME(6)   NOT NULL,
    due_date    DATE          NOT NULL,
    settled_at  DATETIME(6)   NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_invoices_number UNIQUE (number),
    CONSTRAINT uk_invoices_shipment UNIQUE (shipment_id)
);
CREATE INDEX ix_invoices_customer ON invoices (customer_id, status, currency);
CREATE INDEX ix_invoices_order ON invoices (order_id);
CREATE INDEX ix_invoices_issued ON invoices (issued_at, id);

CREATE TABLE invoice_lines (
    invoice_id VARCHAR(36)   NOT NULL,
    line_no    INT           NOT NULL,
    product_id VARCHAR(64)   NOT NULL,
    quantity   BIGINT        NOT NULL,
    unit_price DECIMAL(19,4) NOT NULL,
    amount     DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (invoice_id, line_no),
    CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);

CREATE TABLE payments (
    id          VARCHAR(36)   NOT NULL,
    customer_id VARCHAR(64)   NOT NULL,
    invoice_id  VARCHAR(36)   NOT NULL,
    order_id    VARCHAR(64)   NOT NULL,
    amount      DECIMAL(19,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    reference   VARCHAR(100)  NULL,
    status      VARCHAR(20)   NOT NULL,
    posted_at   DATETIME(6)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_payments_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);
CREATE INDEX ix_payments_invoice ON payments (invoice_id);
CREATE INDEX ix_payments_customer ON payments (customer_id, posted_at);
