package io.channelops.sales.assignment;

import io.channelops.platform.persistence.AggregateRoot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where new unowned leads of a region go: a team (org path), and within it round-robin among the active reps or a
 * fixed user. Region {@value #ANY_REGION} applies to every region without a rule of its own. Company-wide
 * configuration, guarded by {@code sales:configure}.
 */
@Entity
@Table(name = "lead_assignment_rules")
public class AssignmentRule extends AggregateRoot<AssignmentRule> {

    public static final String ANY_REGION = "*";

    @Id
    private String id;

    @Column(name = "region_code", nullable = false, length = 32)
    private String regionCode;

    @Column(name = "team_path", nullable = false)
    private String teamPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private AssignmentStrategy strategy;

    @Column(name = "fixed_user_id", length = 64)
    private @Nullable String fixedUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AssignmentRule() {
        this.id = "";
        this.regionCode = "";
        this.teamPath = "";
        this.strategy = AssignmentStrategy.ROUND_ROBIN;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    AssignmentRule(String regionCode, String teamPath, AssignmentStrategy strategy, @Nullable String fixedUserId,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.regionCode = regionCode;
        this.createdAt = now;
        this.teamPath = teamPath;
        this.strategy = strategy;
        change(teamPath, strategy, fixedUserId, now);
    }

    void change(String newTeamPath, AssignmentStrategy newStrategy, @Nullable String newFixedUserId, Instant now) {
        this.teamPath = newTeamPath;
        this.strategy = newStrategy;
        this.fixedUserId = newStrategy == AssignmentStrategy.FIXED_USER ? newFixedUserId : null;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public String regionCode() {
        return regionCode;
    }

    public String teamPath() {
        return teamPath;
    }

    public AssignmentStrategy strategy() {
        return strategy;
    }

    public @Nullable String fixedUserId() {
        return fixedUserId;
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
