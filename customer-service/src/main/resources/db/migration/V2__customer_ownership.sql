-- Data scope: every customer belongs to an owner (a user or integration client) and lives in an org unit.
-- Customers registered before ownership existed go to 'system' at head office, visible to directors and admins.
ALTER TABLE customers ADD COLUMN owner_id VARCHAR(64) NULL;
ALTER TABLE customers ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE customers SET owner_id = 'system', org_path = '/hq' WHERE owner_id IS NULL;
ALTER TABLE customers MODIFY owner_id VARCHAR(64) NOT NULL;
ALTER TABLE customers MODIFY org_path VARCHAR(255) NOT NULL;
-- the list filters on one of them (a rep: owner; a manager or client: org path and below), newest first
CREATE INDEX ix_customers_owner ON customers (owner_id, created_at);
CREATE INDEX ix_customers_org_path ON customers (org_path, created_at);

-- Who reassigned which customer to whom, and why: an append-only audit trail of the assign action.
CREATE TABLE customer_assignments (
    id             VARCHAR(36)  NOT NULL,
    customer_id    VARCHAR(36)  NOT NULL,
    from_owner_id  VARCHAR(64)  NOT NULL,
    from_org_path  VARCHAR(255) NOT NULL,
    to_owner_id    VARCHAR(64)  NOT NULL,
    to_org_path    VARCHAR(255) NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    assigned_by    VARCHAR(64)  NOT NULL,
    assigned_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_assignments_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_customer_assignments_customer ON customer_assignments (customer_id, assigned_at);
