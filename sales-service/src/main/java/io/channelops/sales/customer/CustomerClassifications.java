package io.channelops.sales.customer;

import io.channelops.events.customer.CustomerChanged;
import io.channelops.events.customer.CustomerRegistered;
import io.channelops.events.customer.CustomersMerged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of customers' classifications ({@code customer_classifications}): written from customer-service's
 * events, read when a price depends on the customer. A merged customer stays as a tombstone naming the customer it
 * was merged into, and is answered with that customer's classification.
 */
@Service
public class CustomerClassifications {

    /** How many merges are followed from an asked-for id to the surviving customer. */
    private static final int MAX_MERGE_HOPS = 5;

    private final JdbcTemplate jdbc;

    CustomerClassifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The classification of a customer, following merges to the surviving customer; empty when sales-service has not
     * heard of the customer (yet) or knows it only as merged into one it has not heard of.
     */
    @Transactional(readOnly = true)
    public Optional<CustomerClassification> find(String customerId) {
        String id = customerId;
        for (int hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
            List<Row> rows = jdbc.query("""
                    SELECT customer_id, customer_type, region_code, customer_level, status, merged_into
                    FROM customer_classifications WHERE customer_id = ?""",
                    (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)), id);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Row row = rows.getFirst();
            if (row.mergedInto() == null) {
                return row.type() == null || row.regionCode() == null || row.level() == null
                        ? Optional.empty()
                        : Optional.of(new CustomerClassification(row.id(), row.type(), row.regionCode(),
                                row.level(), row.status() == null ? "" : row.status()));
            }
            id = row.mergedInto();
        }
        return Optional.empty();
    }

    /** A customer's classification from its first event. Called once per event, after the version check. */
    @Transactional
    void registered(CustomerRegistered event) {
        upsert(event.customerId(), event.type(), event.regionCode(), event.level(), event.status(),
                event.registeredAt());
    }

    /** A newer snapshot of a customer's classification. */
    @Transactional
    void changed(CustomerChanged event) {
        upsert(event.customerId(), event.type(), event.regionCode(), event.level(), event.status(),
                event.changedAt());
    }

    /** The merged customer becomes a tombstone pointing at the survivor; its own classification no longer counts. */
    @Transactional
    void merged(CustomersMerged event) {
        if (event.mergedCustomerId().equals(event.survivingCustomerId())) {
            return;
        }
        Timestamp at = Timestamp.from(event.mergedAt());
        int updated = jdbc.update("UPDATE customer_classifications SET merged_into = ?, updated_at = ? "
                + "WHERE customer_id = ?", event.survivingCustomerId(), at, event.mergedCustomerId());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO customer_classifications (customer_id, merged_into, updated_at) VALUES (?, ?, ?)
                    ON DUPLICATE KEY UPDATE merged_into = ?""",
                    event.mergedCustomerId(), event.survivingCustomerId(), at, event.survivingCustomerId());
        }
    }

    private void upsert(String customerId, String type, String regionCode, String level, String status,
            Instant at) {
        // the merge tombstone (merged_into) is kept: a late snapshot of a merged customer does not revive it
        jdbc.update("""
                INSERT INTO customer_classifications (customer_id, customer_type, region_code, customer_level, status,
                                                      updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE customer_type = ?, region_code = ?, customer_level = ?, status = ?,
                    updated_at = ?""",
                customerId, upper(type), upper(regionCode), upper(level), upper(status), Timestamp.from(at),
                upper(type), upper(regionCode), upper(level), upper(status), Timestamp.from(at));
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private record Row(String id, @Nullable String type, @Nullable String regionCode, @Nullable String level,
            @Nullable String status, @Nullable String mergedInto) {
    }
}
