-- logistics-service: warehouses, the stock ledger, reservations and shipments.
-- Kept to the SQL that MySQL 8.4 and MariaDB 11.4 share.

CREATE TABLE warehouses (
    id          VARCHAR(36)  NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    region_code VARCHAR(32)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_warehouses_code UNIQUE (code)
);
CREATE INDEX ix_warehouses_region ON warehouses (region_code, created_at);
CREATE INDEX ix_warehouses_created ON warehouses (created_at, id);

-- One row per warehouse x product: what is on hand and how much of it is reserved for orders.
CREATE TABLE stock_levels (
    id           VARCHAR(36) NOT NULL,
    warehouse_id VARCHAR(36) NOT NULL,
    product_id   VARCHAR(64) NOT NULL,
    on_hand      BIGINT      NOT NULL,
    reserved     BIGINT      NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    version      BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_stock_levels_warehouse_product UNIQUE (warehouse_id, product_id),
    CONSTRAINT fk_stock_levels_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id),
    CONSTRAINT ck_stock_levels_on_hand CHECK (on_hand >= 0),
    CONSTRAINT ck_stock_levels_reserved CHECK (reserved >= 0 AND reserved <= on_hand)
);
CREATE INDEX ix_stock_levels_product ON stock_levels (product_id, warehouse_id);

-- The ledger: every change of a stock level, with the level after it. Never updated.
CREATE TABLE stock_movements (
    id              VARCHAR(36)  NOT NULL,
    warehouse_id    VARCHAR(36)  NOT NULL,
    product_id      VARCHAR(64)  NOT NULL,
    type            VARCHAR(20)  NOT NULL,
    quantity        BIGINT       NOT NULL,
    on_hand_change  BIGINT       NOT NULL,
    reserved_change BIGINT       NOT NULL,
    on_hand_after   BIGINT       NOT NULL,
    reserved_after  BIGINT       NOT NULL,
    reference       VARCHAR(100) NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_stock_movements_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id)
);
CREATE INDEX ix_stock_movements_level ON stock_movements (warehouse_id, product_id, occurred_at);
CREATE INDEX ix_stock_movements_product ON stock_movements (product_id, occurred_at);
CREATE INDEX ix_stock_movements_reference ON stock_movements (reference);

-- One reservation per order: the unique order id keeps a redelivered OrderApproved from reserving twice.
CREATE TABLE reservations (
    id           VARCHAR(36)  NOT NULL,
    order_id     VARCHAR(64)  NOT NULL,
    order_number VARCHAR(64)  NOT NULL,
    customer_id  VARCHAR(64)  NOT NULL,
    currency     CHAR(3)      NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_reservations_order UNIQUE (order_id)
);
CREATE INDEX ix_reservations_status ON reservations (status, created_at);

-- The order lines as approved (kept so a backordered reservation can be tried again later).
CREATE TABLE reservation_lines (
    reservation_id VARCHAR(36)   NOT NULL,
    position       INT           NOT NULL,
    line_no        INT           NOT NULL,
    product_id     VARCHAR(64)   NOT NULL,
    quantity       BIGINT        NOT NULL,
    unit_price     DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (reservation_id, position),
    CONSTRAINT fk_reservation_lines_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id)
);

-- What was reserved where: one row per order line x warehouse.
CREATE TABLE reservation_allocations (
    reservation_id VARCHAR(36) NOT NULL,
    position       INT         NOT NULL,
    line_no        INT         NOT NULL,
    product_id     VARCHAR(64) NOT NULL,
    warehouse_id   VARCHAR(36) NOT NULL,
    quantity       BIGINT      NOT NULL,
    PRIMARY KEY (reservation_id, position),
    CONSTRAINT fk_reservation_allocations_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id)
);

-- What leaves one warehouse for one order.
CREATE TABLE shipments (
    id            VARCHAR(36) NOT NULL,
    order_id      VARCHAR(64) NOT NULL,
    customer_id   VARCHAR(64) NOT NULL,
    warehouse_id  VARCHAR(36) NOT NULL,
    currency      CHAR(3)     NOT NULL,
    status        VARCHAR(20) NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    dispatched_at DATETIME(6) NULL,
    version       BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_shipments_order_warehouse UNIQUE (order_id, warehouse_id),
    CONSTRAINT fk_shipments_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id)
);
CREATE INDEX ix_shipments_status ON shipments (status, created_at);
CREATE INDEX ix_shipments_created ON shipments (created_at, id);

CREATE TABLE shipment_lines (
    shipment_id VARCHAR(36)   NOT NULL,
    position    INT           NOT NULL,
    line_no     INT           NOT NULL,
    product_id  VARCHAR(64)   NOT NULL,
    quantity    BIGINT        NOT NULL,
    unit_price  DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (shipment_id, position),
    CONSTRAINT fk_shipment_lines_shipment FOREIGN KEY (shipment_id) REFERENCES shipments (id)
);
