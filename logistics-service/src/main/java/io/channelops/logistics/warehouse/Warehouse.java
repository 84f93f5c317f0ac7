package io.channelops.logistics.warehouse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A place stock is kept in: a central warehouse or a remote office's store room. Its code never changes.
 * Company-wide reference data: no owner, not scoped by org; only permissions guard it.
 */
@Entity
@Table(name = "warehouses")
public class Warehouse {

    @Id
    private String id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Null until first saved, so Spring Data persists a new aggregate instead of merging it. */
    @Version
    private @Nullable Long version;

    protected Warehouse() {
        // for JPA
        this.id = "";
        this.code = "";
        this.name = "";
        this.regionCode = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Warehouse(String code, String name, String regionCode, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.code = code;
        this.name = name;
        this.regionCode = regionCode;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Warehouse open(String code, String name, String regionCode, Instant now) {
        return new Warehouse(code, name, regionCode, now);
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String regionCode() {
        return regionCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version == null ? 0 : version;
    }
}
