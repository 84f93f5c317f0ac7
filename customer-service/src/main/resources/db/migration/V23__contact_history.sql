-- Revision history of contacts (Hibernate Envers), in the revisions of revinfo (V11). Not audited: updated_at (the
-- revision's own time), version, primary_of (derived from is_primary).
CREATE TABLE contacts_aud (
    id                VARCHAR(36)   NOT NULL,
    rev               BIGINT        NOT NULL,
    revtype           TINYINT       NULL,
    customer_id       VARCHAR(36)   NULL,
    name              VARCHAR(100)  NULL,
    title             VARCHAR(100)  NULL,
    department        VARCHAR(100)  NULL,
    deal_role         VARCHAR(20)   NULL,
    email             VARCHAR(200)  NULL,
    birthday          DATE          NULL,
    preferred_channel VARCHAR(10)   NULL,
    notes             VARCHAR(2000) NULL,
    is_primary        BOOLEAN       NULL,
    created_by        VARCHAR(64)   NULL,
    created_at        DATETIME(6)   NULL,
    PRIMARY KEY (rev, id),
    CONSTRAINT fk_contacts_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
);
CREATE INDEX ix_contacts_aud_id ON contacts_aud (id, rev);

CREATE TABLE contact_phones_aud (
    contact_id        VARCHAR(36) NOT NULL,
    rev               BIGINT      NOT NULL,
    revtype           TINYINT     NOT NULL,
    position          INT         NOT NULL,
    phone_number      VARCHAR(32) NULL,
    label             VARCHAR(30) NULL,
    normalized_number VARCHAR(32) NULL,
    PRIMARY KEY (rev, contact_id, position, revtype),
    CONSTRAINT fk_contact_phones_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
);
