-- Orders are owned business records (issue 3): owner_id = the user (or integration client) who created the order,
-- org_path = their org unit at that time. Both are set by the server, never by a request. The owner is also the
-- order's sales rep, so the old free-text sales_rep_id becomes owner_id; orders created before ownership existed
-- keep their recorded rep as owner and are placed at head office ('/hq'), where directors and head-office managers
-- see them.
ALTER TABLE orders ADD COLUMN owner_id VARCHAR(64) NULL, ADD COLUMN org_path VARCHAR(255) NULL;
UPDATE orders SET owner_id = sales_rep_id, org_path = '/hq';
ALTER TABLE orders MODIFY owner_id VARCHAR(64) NOT NULL, MODIFY org_path VARCHAR(255) NOT NULL;

DROP INDEX ix_orders_rep ON orders;
ALTER TABLE orders DROP COLUMN sales_rep_id;

-- lists filter by owner (a rep's own orders, ?salesRepId=) or by org subtree (a manager's), newest first
CREATE INDEX ix_orders_owner ON orders (owner_id, created_at);
CREATE INDEX ix_orders_org ON orders (org_path, created_at);
