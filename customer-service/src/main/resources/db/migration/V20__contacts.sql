-- Contacts: the people at a customer we deal with. At most one primary contact per customer: primary_of holds the
-- customer id only while the contact is primary, and its unique index refuses a second one.
CREATE TABLE contacts (
    id                VARCHAR(36)   NOT NULL,
    customer_id       VARCHAR(36)   NOT NULL,
    name              VARCHAR(100)  NOT NULL,
    title             VARCHAR(100)  NULL,
    department        VARCHAR(100)  NULL,
    deal_role         VARCHAR(20)   NULL,
    email             VARCHAR(200)  NULL,
    birthday          DATE          NULL,
    preferred_channel VARCHAR(10)   NULL,
    notes             VARCHAR(2000) NULL,
    is_primary        BOOLEAN       NOT NULL,
    primary_of        VARCHAR(36) AS (CASE WHEN is_primary THEN customer_id ELSE NULL END) STORED,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_contacts_one_primary UNIQUE (primary_of),
    CONSTRAINT fk_contacts_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_contacts_customer ON contacts (customer_id, name);
CREATE INDEX ix_contacts_name ON contacts (name);

-- A contact's phone numbers in the order given, each with an optional label ("mobile", "office");
-- normalized_number keeps only the digits (and a leading +) for lookups by phone.
CREATE TABLE contact_phones (
    contact_id        VARCHAR(36) NOT NULL,
    position          INT         NOT NULL,
    phone_number      VARCHAR(32) NOT NULL,
    label             VARCHAR(30) NULL,
    normalized_number VARCHAR(32) NOT NULL,
    PRIMARY KEY (contact_id, position),
    CONSTRAINT fk_contact_phones_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_phones_normalized ON contact_phones (normalized_number);
