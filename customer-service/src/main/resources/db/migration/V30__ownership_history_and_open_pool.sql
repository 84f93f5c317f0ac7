-- Ownership: every change of a customer's owner is one history row; its kind tells how it came about.
--   ASSIGNED          a manager or director assigned it (single or bulk)
--   TRANSFERRED       moved with all other customers of a leaving owner (transfer-owner)
--   RETURNED_TO_POOL  the reclaim job returned an untouched prospect to its org unit's open pool
--   RELEASED_TO_POOL  a manager put it back into the open pool
--   CLAIMED           a user claimed it from the open pool
-- Rows written before this column existed were single assignments.
ALTER TABLE customer_assignments ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'ASSIGNED';
-- the claim limit counts a user's customers whose latest row is their own claim
CREATE INDEX ix_customer_assignments_to_owner ON customer_assignments (to_owner_id, kind, customer_id);
-- the reclaim job looks for stale prospects by their creation time too
CREATE INDEX ix_customers_status_created ON customers (status, created_at);

-- One row per user who ever claimed from the open pool: claims of one user are serialised on it
-- (SELECT ... FOR UPDATE), so two concurrent claims cannot both pass the claim limit.
CREATE TABLE pool_claimers (
    user_id       VARCHAR(64) NOT NULL,
    last_claim_at DATETIME(6) NULL,
    PRIMARY KEY (user_id)
);
