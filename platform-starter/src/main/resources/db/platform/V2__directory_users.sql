-- The users of identity-service as this service knows them (from identity.users events), for data scope:
-- who a record may be reassigned to and in which org path it then lives.
CREATE TABLE directory_users (
    user_id    VARCHAR(64)  NOT NULL,
    username   VARCHAR(100) NOT NULL,
    org_path   VARCHAR(255) NOT NULL,
    roles      VARCHAR(255) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    changed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id)
);
