CREATE TABLE org_units (
    id         VARCHAR(36)  NOT NULL,
    code       VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    parent_id  VARCHAR(36)  NULL,
    path       VARCHAR(512) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_org_units_path UNIQUE (path),
    CONSTRAINT fk_org_units_parent FOREIGN KEY (parent_id) REFERENCES org_units (id)
);

CREATE TABLE users (
    id              VARCHAR(36)  NOT NULL,
    username        VARCHAR(100) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(500) NOT NULL,
    roles           VARCHAR(200) NOT NULL,
    org_unit_id     VARCHAR(36)  NOT NULL,
    active          BOOLEAN      NOT NULL,
    failed_logins   INT          NOT NULL,
    locked_until    DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_username UNIQUE (username),
    CONSTRAINT fk_users_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id)
);
CREATE INDEX ix_users_created ON users (created_at, id);

-- Local demo: the private key sits in the database. Production keeps signing keys in a secret store.
CREATE TABLE signing_keys (
    kid          VARCHAR(64)  NOT NULL,
    public_key   TEXT         NOT NULL,
    private_key  TEXT         NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    retire_after DATETIME(6)  NULL,
    PRIMARY KEY (kid)
);
CREATE INDEX ix_signing_keys_status ON signing_keys (status, created_at);

-- Spring Authorization Server's schema, translated for MySQL / MariaDB:
-- blob -> LONGBLOB, timestamp -> DATETIME(6) (written and read in UTC).
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)  NOT NULL,
    client_id                     VARCHAR(100)  NOT NULL,
    client_id_issued_at           DATETIME(6)   DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    client_secret                 VARCHAR(200)  DEFAULT NULL,
    client_secret_expires_at      DATETIME(6)   DEFAULT NULL,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000) DEFAULT NULL,
    post_logout_redirect_uris     VARCHAR(1000) DEFAULT NULL,
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_oauth2_registered_client_client_id UNIQUE (client_id)
);

CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000) DEFAULT NULL,
    attributes                    LONGBLOB      DEFAULT NULL,
    state                         VARCHAR(500)  DEFAULT NULL,
    authorization_code_value      LONGBLOB      DEFAULT NULL,
    authorization_code_issued_at  DATETIME(6)   DEFAULT NULL,
    authorization_code_expires_at DATETIME(6)   DEFAULT NULL,
    authorization_code_metadata   LONGBLOB      DEFAULT NULL,
    access_token_value            LONGBLOB      DEFAULT NULL,
    access_token_issued_at        DATETIME(6)   DEFAULT NULL,
    access_token_expires_at       DATETIME(6)   DEFAULT NULL,
    access_token_metadata         LONGBLOB      DEFAULT NULL,
    access_token_type             VARCHAR(100)  DEFAULT NULL,
    access_token_scopes           VARCHAR(1000) DEFAULT NULL,
    oidc_id_token_value           LONGBLOB      DEFAULT NULL,
    oidc_id_token_issued_at       DATETIME(6)   DEFAULT NULL,
    oidc_id_token_expires_at      DATETIME(6)   DEFAULT NULL,
    oidc_id_token_metadata        LONGBLOB      DEFAULT NULL,
    refresh_token_value           LONGBLOB      DEFAULT NULL,
    refresh_token_issued_at       DATETIME(6)   DEFAULT NULL,
    refresh_token_expires_at      DATETIME(6)   DEFAULT NULL,
    refresh_token_metadata        LONGBLOB      DEFAULT NULL,
    user_code_value               LONGBLOB      DEFAULT NULL,
    user_code_issued_at           DATETIME(6)   DEFAULT NULL,
    user_code_expires_at          DATETIME(6)   DEFAULT NULL,
    user_code_metadata            LONGBLOB      DEFAULT NULL,
    device_code_value             LONGBLOB      DEFAULT NULL,
    device_code_issued_at         DATETIME(6)   DEFAULT NULL,
    device_code_expires_at        DATETIME(6)   DEFAULT NULL,
    device_code_metadata          LONGBLOB      DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_oauth2_authorization_principal ON oauth2_authorization (registered_client_id, principal_name);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);
