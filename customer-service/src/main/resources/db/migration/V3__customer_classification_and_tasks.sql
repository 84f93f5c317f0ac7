-- Classification every feature of the archive relies on, and when a customer was last touched.
ALTER TABLE customers ADD COLUMN level VARCHAR(10) NOT NULL DEFAULT 'NORMAL';
ALTER TABLE customers ADD COLUMN status VARCHAR(12) NOT NULL DEFAULT 'PROSPECT';
-- last visit, call, e-mail, meeting or note with the customer (from ActivityLogged, kept in the same transaction)
ALTER TABLE customers ADD COLUMN last_activity_at DATETIME(6) NULL;
-- last approved order (from order-service's OrderApproved, kept by the 360 read model's consumer)
ALTER TABLE customers ADD COLUMN last_order_at DATETIME(6) NULL;
CREATE INDEX ix_customers_status_activity ON customers (status, last_activity_at);

-- Follow-up tasks and reminders: one assignee, a due date, optionally about one customer.
CREATE TABLE tasks (
    id           VARCHAR(36)   NOT NULL,
    customer_id  VARCHAR(36)   NULL,
    title        VARCHAR(200)  NOT NULL,
    notes        VARCHAR(2000) NULL,
    due_date     DATE          NOT NULL,
    assignee_id  VARCHAR(64)   NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    completed_at DATETIME(6)   NULL,
    owner_id     VARCHAR(64)   NOT NULL,
    org_path     VARCHAR(255)  NOT NULL,
    version      BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_tasks_assignee_due ON tasks (assignee_id, status, due_date);
CREATE INDEX ix_tasks_customer ON tasks (customer_id, status);
