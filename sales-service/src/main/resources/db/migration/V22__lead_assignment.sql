-- Routing of new leads without an owner: a region goes to a team (org path), to one fixed user or round-robin
-- among the team's active reps. Region '*' catches every region without a rule of its own.
CREATE TABLE lead_assignment_rules (
    id            VARCHAR(36)  NOT NULL,
    region_code   VARCHAR(32)  NOT NULL,
    team_path     VARCHAR(255) NOT NULL,
    strategy      VARCHAR(12)  NOT NULL,
    fixed_user_id VARCHAR(64)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_lead_assignment_rules_region UNIQUE (region_code)
);

-- Round-robin pointer per team: the user who got the team's last lead; updated under a row lock so replicas agree.
CREATE TABLE lead_round_robin (
    team_path    VARCHAR(255) NOT NULL,
    last_user_id VARCHAR(64)  NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (team_path)
);
