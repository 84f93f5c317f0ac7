package io.channelops.customer.attribute;

import io.channelops.platform.persistence.AggregateRoot;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A custom attribute an administrator defined for customers. Its key and type are fixed once defined; label,
 * required flag and validation rules may change (values already stored are checked again when they are next
 * written).
 */
@Entity
@Table(name = "customer_attribute_definitions")
public class AttributeDefinition extends AggregateRoot<AttributeDefinition> {

    @Id
    @Column(name = "attr_key")
    private String key;

    @Column(nullable = false)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttributeType type;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "max_length")
    private @Nullable Integer maxLength;

    private @Nullable String pattern;

    @Column(name = "min_value")
    private @Nullable BigDecimal min;

    @Column(name = "max_value")
    private @Nullable BigDecimal max;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_attribute_options", joinColumns = @JoinColumn(name = "attr_key"))
    @OrderColumn(name = "sort_order")
    @Column(name = "option_value", nullable = false, length = 100)
    private List<String> options = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AttributeDefinition() {
        // for JPA
        this.key = "";
        this.label = "";
        this.type = AttributeType.TEXT;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    AttributeDefinition(String key, AttributeType type, Rules rules, Instant now) {
        this.key = key;
        this.type = type;
        this.label = rules.label();
        this.createdAt = now;
        this.updatedAt = now;
        apply(rules);
    }

    /** Label, required flag and validation of a definition. */
    public record Rules(String label, boolean required, @Nullable Integer maxLength, @Nullable String pattern,
            @Nullable BigDecimal min, @Nullable BigDecimal max, List<String> options) {

        public Rules {
            options = List.copyOf(options);
        }
    }

    void change(Rules rules, Instant now) {
        apply(rules);
        this.updatedAt = now;
    }

    private void apply(Rules rules) {
        this.label = rules.label();
        this.required = rules.required();
        this.maxLength = rules.maxLength();
        this.pattern = rules.pattern();
        this.min = rules.min();
        this.max = rules.max();
        if (!options.equals(rules.options())) {
            options.clear();
            options.addAll(rules.options());
        }
    }

    public Rules rules() {
        return new Rules(label, required, maxLength, pattern, min, max, options);
    }

    public String key() {
        return key;
    }

    @Override
    public String getId() {
        return key;
    }

    public String label() {
        return label;
    }

    public AttributeType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    public @Nullable Integer maxLength() {
        return maxLength;
    }

    public @Nullable String pattern() {
        return pattern;
    }

    public @Nullable BigDecimal min() {
        return min;
    }

    public @Nullable BigDecimal max() {
        return max;
    }

    public List<String> options() {
        return List.copyOf(options);
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
