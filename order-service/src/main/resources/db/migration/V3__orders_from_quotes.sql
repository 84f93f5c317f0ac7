-- An order created from an accepted quote of sales-service remembers it: at most one order per quote version, so
-- creating the order again answers the existing one. Orders entered directly have no quote (NULL, not unique).
ALTER TABLE orders ADD COLUMN quote_id VARCHAR(36) NULL, ADD COLUMN quote_number VARCHAR(20) NULL,
    ADD COLUMN quote_version INT NULL;
CREATE UNIQUE INDEX uk_orders_quote ON orders (quote_id);
