-- The customer 360 summary: a local read model of other services' events (order-service, finance-service),
-- written only by customer-service's consumers and read by GET /api/v1/customers/{id}/summary.
-- Every row is keyed by the natural id of what it records (order, invoice, payment, ...), so an event that is
-- delivered twice can never count twice; totals are summed when the summary is read, never kept as counters.
-- No foreign keys to customers: events may name a customer this service has not seen (yet).

-- One row per approved order (OrderApproved): order count, last order, lifetime and year-to-date sales, and the
-- approval instants the churn rule compares.
CREATE TABLE summary_orders (
    order_id     VARCHAR(64)   NOT NULL,
    customer_id  VARCHAR(64)   NOT NULL,
    order_number VARCHAR(64)   NOT NULL,
    total        DECIMAL(19,4) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    approved_at  DATETIME(6)   NOT NULL,
    recorded_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_id)
);
CREATE INDEX ix_summary_orders_customer ON summary_orders (customer_id, approved_at);

-- Orders put on credit hold (OrderCreditHeld); an order may be held again after a release, hence the instant in
-- the key.
CREATE TABLE summary_credit_holds (
    order_id    VARCHAR(64) NOT NULL,
    held_at     DATETIME(6) NOT NULL,
    customer_id VARCHAR(64) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id, held_at)
);
CREATE INDEX ix_summary_credit_holds_customer ON summary_credit_holds (customer_id, held_at);

-- The customer's credit limit in finance-service (CreditLimitChanged, a snapshot: only the newest version counts).
CREATE TABLE summary_credit_limits (
    customer_id  VARCHAR(64)   NOT NULL,
    credit_limit DECIMAL(19,4) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    changed_at   DATETIME(6)   NOT NULL,
    recorded_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (customer_id)
);

-- Invoices (InvoiceIssued, InvoiceSettled). A settlement that arrives before its invoice leaves a row without
-- total, currency and due date, filled in when the invoice arrives.
CREATE TABLE summary_invoices (
    invoice_id     VARCHAR(64)   NOT NULL,
    customer_id    VARCHAR(64)   NOT NULL,
    order_id       VARCHAR(64)   NOT NULL,
    invoice_number VARCHAR(64)   NULL,
    total          DECIMAL(19,4) NULL,
    currency       CHAR(3)       NULL,
    due_date       DATE          NULL,
    issued_at      DATETIME(6)   NULL,
    settled_at     DATETIME(6)   NULL,
    recorded_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (invoice_id)
);
CREATE INDEX ix_summary_invoices_customer ON summary_invoices (customer_id, settled_at, due_date);

-- Payments (PaymentPosted), each allocated to one invoice. An invoice's paid amount is the sum of its payments,
-- summed when read: a payment that arrives before its invoice simply waits here for it.
CREATE TABLE summary_payments (
    payment_id  VARCHAR(64)   NOT NULL,
    invoice_id  VARCHAR(64)   NOT NULL,
    customer_id VARCHAR(64)   NOT NULL,
    amount      DECIMAL(19,4) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    posted_at   DATETIME(6)   NOT NULL,
    recorded_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (payment_id)
);
CREATE INDEX ix_summary_payments_invoice ON summary_payments (invoice_id, amount);
CREATE INDEX ix_summary_payments_customer ON summary_payments (customer_id);

-- Customers merged into another (CustomersMerged): events that still name the merged customer count for the
-- survivor. Always points at the final survivor (a chain A -> B -> C is kept as A -> C, B -> C).
CREATE TABLE summary_merged_customers (
    merged_customer_id    VARCHAR(64) NOT NULL,
    surviving_customer_id VARCHAR(64) NOT NULL,
    merged_at             DATETIME(6) NOT NULL,
    PRIMARY KEY (merged_customer_id)
);
CREATE INDEX ix_summary_merged_survivor ON summary_merged_customers (surviving_customer_id);
