CREATE TABLE widgets (
    id   VARCHAR(36)  NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE widget_effects (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    event_id VARCHAR(100) NOT NULL,
    name     VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
);
