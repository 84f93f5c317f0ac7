-- A manager's forecast for one rep and period, kept beside the computed weighted forecast (never replacing it).
-- rep_org_path is the rep's org path when the override was last set: it scopes who may read the override.
CREATE TABLE forecast_overrides (
    rep_id       VARCHAR(64)   NOT NULL,
    period       VARCHAR(7)    NOT NULL,
    amount       DECIMAL(19,2) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    note         VARCHAR(2000) NULL,
    rep_org_path VARCHAR(255)  NOT NULL,
    set_by       VARCHAR(64)   NOT NULL,
    set_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (rep_id, period)
);
CREATE INDEX ix_forecast_overrides_period ON forecast_overrides (period, rep_org_path);

-- Every override set or cleared, oldest first (id).
CREATE TABLE forecast_override_history (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    rep_id       VARCHAR(64)   NOT NULL,
    period       VARCHAR(7)    NOT NULL,
    action       VARCHAR(10)   NOT NULL,
    amount       DECIMAL(19,2) NULL,
    currency     CHAR(3)       NULL,
    note         VARCHAR(2000) NULL,
    rep_org_path VARCHAR(255)  NOT NULL,
    set_by       VARCHAR(64)   NOT NULL,
    set_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_forecast_override_history ON forecast_override_history (rep_id, period, id);
