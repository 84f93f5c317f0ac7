-- Ownership (issue 3): every business record gets owner_id + org_path, set by the server.
--  * credit_accounts: the finance user (or client) who opened the account. Credit accounts are finance reference
--    data per customer and are not filtered by it; it records who opened them.
--  * approved_orders: the order's owner (OrderApproved.salesRepId) and org path; kept so that invoices can inherit
--    them and so that the exposure a caller sees counts only the orders in their data scope.
--  * invoices: inherited from the order; payments: inherited from their invoice.
-- Rows written before this version belong to 'system' at head office ('/hq').

ALTER TABLE credit_accounts
    ADD COLUMN owner_id VARCHAR(64)  NULL,
    ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE credit_accounts SET owner_id = 'system', org_path = '/hq';
ALTER TABLE credit_accounts
    MODIFY owner_id VARCHAR(64)  NOT NULL,
    MODIFY org_path VARCHAR(255) NOT NULL;

ALTER TABLE approved_orders
    ADD COLUMN owner_id VARCHAR(64)  NULL,
    ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE approved_orders SET owner_id = 'system', org_path = '/hq';
ALTER TABLE approved_orders
    MODIFY owner_id VARCHAR(64)  NOT NULL,
    MODIFY org_path VARCHAR(255) NOT NULL;

ALTER TABLE invoices
    ADD COLUMN owner_id VARCHAR(64)  NULL,
    ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE invoices SET owner_id = 'system', org_path = '/hq';
ALTER TABLE invoices
    MODIFY owner_id VARCHAR(64)  NOT NULL,
    MODIFY org_path VARCHAR(255) NOT NULL;
-- the invoice list is filtered by owner (a rep) or org subtree (a manager, a client) and sorted by issue date
CREATE INDEX ix_invoices_owner ON invoices (owner_id, issued_at);
CREATE INDEX ix_invoices_org_path ON invoices (org_path, issued_at);

ALTER TABLE payments
    ADD COLUMN owner_id VARCHAR(64)  NULL,
    ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE payments p JOIN invoices i ON i.id = p.invoice_id SET p.owner_id = i.owner_id, p.org_path = i.org_path;
ALTER TABLE payments
    MODIFY owner_id VARCHAR(64)  NOT NULL,
    MODIFY org_path VARCHAR(255) NOT NULL;
