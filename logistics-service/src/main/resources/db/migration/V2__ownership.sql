-- Ownership of the records that follow from an order: reservations and shipments belong to the order's sales rep
-- (OrderApproved.salesRepId) in the order's org path (OrderApproved.orgPath). Warehouses and the stock ledger are
-- company-wide reference and operations data and have no owner.
-- Rows from before ownership existed belong to 'system' at head office: only callers who see all of /hq see them.
-- Kept to the SQL that MySQL 8.4 and MariaDB 11.4 share.

ALTER TABLE reservations ADD COLUMN owner_id VARCHAR(64) NULL, ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE reservations SET owner_id = 'system', org_path = '/hq' WHERE owner_id IS NULL OR org_path IS NULL;
ALTER TABLE reservations MODIFY owner_id VARCHAR(64) NOT NULL, MODIFY org_path VARCHAR(255) NOT NULL;

ALTER TABLE shipments ADD COLUMN owner_id VARCHAR(64) NULL, ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE shipments SET owner_id = 'system', org_path = '/hq' WHERE owner_id IS NULL OR org_path IS NULL;
ALTER TABLE shipments MODIFY owner_id VARCHAR(64) NOT NULL, MODIFY org_path VARCHAR(255) NOT NULL;

-- The shipment list filters on one of these (a rep: owner; a manager or client: org path), newest first.
CREATE INDEX ix_shipments_owner ON shipments (owner_id, created_at);
CREATE INDEX ix_shipments_org_path ON shipments (org_path, created_at);
