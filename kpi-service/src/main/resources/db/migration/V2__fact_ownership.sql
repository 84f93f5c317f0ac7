-- Data scope on facts: every fact belongs to the owner of the order it follows from (the order's
-- sales rep) and that owner's org path, both copied from the event (OrderApproved: salesRepId and
-- orgPath; PaymentPosted: ownerId and orgPath). Scorecards, leaderboards, sums and counts only
-- read the facts in the caller's scope: owner_id = caller (a rep), org_path at or below the
-- caller's (a manager, an integration client) or everything (director, auditor, finance).
-- Ids and org paths compare exactly (binary collation).

ALTER TABLE order_facts
    ADD COLUMN owner_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN org_path VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
ALTER TABLE payment_facts
    ADD COLUMN owner_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN org_path VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

-- Facts recorded before events carried an org path: the order's sales rep still owns them (so the
-- rep keeps seeing them), and they live at head office, where only company-wide roles see them.
UPDATE order_facts SET owner_id = sales_rep_id, org_path = '/hq';
-- A payment follows its order's owner when that order has a fact; otherwise 'system' at head office.
UPDATE payment_facts p LEFT JOIN order_facts o ON o.order_id = p.order_id
SET p.owner_id = COALESCE(o.owner_id, 'system'), p.org_path = COALESCE(o.org_path, '/hq');

ALTER TABLE order_facts
    MODIFY owner_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY org_path VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE payment_facts
    MODIFY owner_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY org_path VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- The scope conditions: owner_id = ? (a rep) and org_path = ? OR org_path LIKE '<path>/%' (a subtree).
CREATE INDEX ix_order_facts_owner ON order_facts (owner_id, currency);
CREATE INDEX ix_order_facts_org_path ON order_facts (org_path, currency);
CREATE INDEX ix_payment_facts_owner ON payment_facts (owner_id, currency);
CREATE INDEX ix_payment_facts_org_path ON payment_facts (org_path, currency);
