-- sales-service's local copy of each customer's classification, kept from customer-service's events
-- (CustomerRegistered, CustomerChanged, CustomersMerged on customer.customers). A merged customer stays as a
-- tombstone pointing at the customer it was merged into
-- (its classification columns stay NULL when the merge is the first thing heard of it).
CREATE TABLE customer_classifications (
    customer_id    VARCHAR(36)  NOT NULL,
    customer_type  VARCHAR(32)  NULL,
    region_code    VARCHAR(32)  NULL,
    customer_level VARCHAR(32)  NULL,
    status         VARCHAR(32)  NULL,
    merged_into    VARCHAR(36)  NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id)
);
