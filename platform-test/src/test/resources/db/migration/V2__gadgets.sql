CREATE TABLE gadgets (
    id       VARCHAR(36)    NOT NULL,
    name     VARCHAR(100)   NOT NULL,
    amount   DECIMAL(19, 2) NOT NULL,
    owner_id VARCHAR(64)    NOT NULL,
    org_path VARCHAR(255)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_gadgets_org_path ON gadgets (org_path);
CREATE INDEX ix_gadgets_owner ON gadgets (owner_id);
