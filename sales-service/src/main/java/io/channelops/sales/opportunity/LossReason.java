package io.channelops.sales.opportunity;

import io.channelops.platform.persistence.AggregateRoot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reason a deal can be lost for ({@code PRICE}, {@code COMPETITOR}, ...), chosen when an opportunity is lost and
 * counted by the loss-reason analysis. Never deleted, only deactivated: a deactivated reason cannot be chosen any
 * more but stays on the deals lost for it.
 */
@Entity
@Table(name = "loss_reasons")
public class LossReason extends AggregateRoot<LossReason> {

    @Id
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected LossReason() {
        // for JPA
        this.code = "";
        this.name = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    LossReason(String code, String name, int sortOrder, Instant now) {
        this.code = code;
        this.name = name;
        this.sortOrder = sortOrder;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(@Nullable String newName, @Nullable Integer newSortOrder, @Nullable Boolean newActive, Instant now) {
        if (newName != null) {
            name = newName;
        }
        if (newSortOrder != null) {
            sortOrder = newSortOrder;
        }
        if (newActive != null) {
            active = newActive;
        }
        updatedAt = now;
    }

    @Override
    public String getId() {
        return code;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
