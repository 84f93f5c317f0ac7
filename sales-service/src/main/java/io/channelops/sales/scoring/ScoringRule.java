package io.channelops.sales.scoring;

import io.channelops.platform.persistence.AggregateRoot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An admin-defined scoring rule. Company-wide configuration (no owner): guarded by {@code sales:configure}.
 * {@link #definition()} is what the scorer reads.
 */
@Entity
@Table(name = "lead_scoring_rules")
public class ScoringRule extends AggregateRoot<ScoringRule> {

    @Id
    private String id;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RuleKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private @Nullable RuleField field;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private @Nullable RuleOperator operator;

    @Column(precision = 19, scale = 2)
    private @Nullable BigDecimal amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private @Nullable String currency;

    private @Nullable Integer months;

    @Column(length = 1000)
    private @Nullable String vals;

    @Column(name = "signal_type", length = 64)
    private @Nullable String signalType;

    @Column(nullable = false)
    private int points;

    @Column(name = "decay_per_week", nullable = false)
    private int decayPerWeek;

    @Column(name = "max_count")
    private @Nullable Integer maxCount;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ScoringRule() {
        this.id = "";
        this.name = "";
        this.kind = RuleKind.FIELD;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    ScoringRule(String name, RuleDefinition definition, boolean active, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.kind = definition.kind();
        this.createdAt = now;
        apply(name, definition, active, now);
    }

    void apply(String newName, RuleDefinition definition, boolean newActive, Instant now) {
        this.name = newName;
        this.kind = definition.kind();
        this.field = definition.field();
        this.operator = definition.operator();
        this.amount = definition.amount();
        this.currency = definition.currency();
        this.months = definition.months();
        this.vals = definition.values().isEmpty() ? null : String.join(",", definition.values());
        this.signalType = definition.signalType();
        this.points = definition.points();
        this.decayPerWeek = definition.decayPerWeek();
        this.maxCount = definition.maxCount();
        this.active = newActive;
        this.updatedAt = now;
    }

    public RuleDefinition definition() {
        List<String> values = vals == null ? List.of() : Arrays.asList(vals.split(","));
        return new RuleDefinition(id, kind, field, operator, amount, currency, months, values, signalType, points,
                decayPerWeek, maxCount);
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public String name() {
        return name;
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
