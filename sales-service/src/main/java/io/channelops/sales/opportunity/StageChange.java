package io.channelops.sales.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of an opportunity's stage history: the stage it left ({@code null} when it was just opened), the stage
 * it entered with the win probability that then applied, when and by whom, and how many whole days it had spent in
 * the stage it left.
 */
@Entity
@Table(name = "opportunity_stage_changes")
public class StageChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "opportunity_id", nullable = false, length = 36)
    private String opportunityId;

    @Column(name = "from_stage", length = 32)
    private @Nullable String fromStage;

    @Column(name = "to_stage", nullable = false, length = 32)
    private String toStage;

    @Column(nullable = false)
    private int probability;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "days_in_from_stage")
    private @Nullable Long daysInFromStage;

    @Column(length = 2000)
    private @Nullable String note;

    protected StageChange() {
        // for JPA
        this.opportunityId = "";
        this.toStage = "";
        this.changedAt = Instant.EPOCH;
        this.changedBy = "";
    }

    StageChange(String opportunityId, @Nullable String fromStage, String toStage, int probability, Instant changedAt,
            String changedBy, @Nullable Long daysInFromStage, @Nullable String note) {
        this.opportunityId = opportunityId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.probability = probability;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.daysInFromStage = daysInFromStage;
        this.note = note;
    }

    public String opportunityId() {
        return opportunityId;
    }

    public @Nullable String fromStage() {
        return fromStage;
    }

    public String toStage() {
        return toStage;
    }

    public int probability() {
        return probability;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public @Nullable Long daysInFromStage() {
        return daysInFromStage;
    }

    public @Nullable String note() {
        return note;
    }
}
