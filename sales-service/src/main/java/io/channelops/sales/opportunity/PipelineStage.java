package io.channelops.sales.opportunity;

import io.channelops.platform.persistence.AggregateRoot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A stage of the pipeline: a stable code, a name, the default win probability (0–100) of the opportunities in it,
 * whether it is open, won or lost, its place in the order, and after how many days without a stage change or an
 * activity an open opportunity in it counts as stalled ({@code null}: never). Stages are never deleted, only
 * deactivated: a deactivated stage cannot be entered any more, but opportunities already in it stay there.
 */
@Entity
@Table(name = "pipeline_stages")
public class PipelineStage extends AggregateRoot<PipelineStage> {

    /** Upper case letters, digits and underscores, starting with a letter; 32 characters at most. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    @Id
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private int probability;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private StageKind kind;

    @Column(name = "stall_days")
    private @Nullable Integer stallDays;

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

    protected PipelineStage() {
        // for JPA
        this.code = "";
        this.name = "";
        this.kind = StageKind.OPEN;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    PipelineStage(String code, String name, int probability, StageKind kind, @Nullable Integer stallDays,
            int sortOrder, Instant now) {
        this.code = code;
        this.name = name;
        this.probability = probability;
        this.kind = kind;
        this.stallDays = stallDays;
        this.sortOrder = sortOrder;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(@Nullable String newName, @Nullable Integer newProbability, @Nullable Integer newStallDays,
            boolean clearStallDays, @Nullable Integer newSortOrder, @Nullable Boolean newActive, Instant now) {
        if (newName != null) {
            name = newName;
        }
        if (newProbability != null) {
            probability = newProbability;
        }
        if (clearStallDays) {
            stallDays = null;
        } else if (newStallDays != null) {
            stallDays = newStallDays;
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

    /** The default win probability in percent of an opportunity in this stage. */
    public int probability() {
        return probability;
    }

    public StageKind kind() {
        return kind;
    }

    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }

    /** Days without a stage change or activity after which an open opportunity here is stalled; null: never. */
    public @Nullable Integer stallDays() {
        return stallDays;
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
