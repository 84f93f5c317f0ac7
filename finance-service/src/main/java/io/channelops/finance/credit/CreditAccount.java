package io.channelops.finance.credit;

import io.channelops.events.finance.CreditLimitChanged;
import io.channelops.finance.money.Money;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's credit account: the limit (zero or more, in one currency) its exposure is held
 * against. Raises {@link CreditLimitChanged} when it is opened and whenever the limit changes.
 *
 * <p>Finance reference data per customer: one account per customer, maintained by finance, so it is
 * <em>not</em> filtered by the caller's data scope (reading it needs {@code finance:read}, opening it
 * and changing its limit {@code credit:write}). Its {@link #ownership()} records who opened it.
 */
@Entity
@Table(name = "credit_accounts")
public class CreditAccount extends AggregateRoot<CreditAccount> {

    @Id
    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "credit_limit", nullable = false, precision = 19, scale = 2)
    private BigDecimal creditLimit;

    @Column(nullable = false, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Embedded
    private Ownership ownership;

    @Version
    private long version;

    protected CreditAccount() {
        // for JPA
        this.customerId = "";
        this.creditLimit = BigDecimal.ZERO;
        this.currency = "XXX";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
        this.ownership = new Ownership("system", "/hq");
    }

    private CreditAccount(String customerId, Money limit, Ownership ownership, Instant now) {
        this.customerId = customerId;
        this.creditLimit = limit.amount();
        this.currency = limit.currency();
        this.ownership = ownership;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Opens an account; {@code ownership} is the caller who opens it. */
    static CreditAccount open(String customerId, Money limit, Ownership ownership, Instant now) {
        requireValid(limit);
        CreditAccount account = new CreditAccount(customerId, limit, ownership, now);
        account.registerEvent(new CreditLimitChanged(customerId, limit.toEvent(), now));
        return account;
    }

    /**
     * Sets a new limit, possibly in another currency (exposure is then counted in that currency).
     *
     * @return false when the limit is the one already set: nothing changes, no event
     */
    boolean changeLimit(Money limit, Instant now) {
        requireValid(limit);
        if (limit.equals(creditLimit())) {
            return false;
        }
        this.creditLimit = limit.amount();
        this.currency = limit.currency();
        this.updatedAt = now;
        registerEvent(new CreditLimitChanged(customerId, limit.toEvent(), now));
        return true;
    }

    private static void requireValid(Money limit) {
        if (limit.lessThanZero()) {
            throw new IllegalArgumentException("A credit limit cannot be negative: " + limit);
        }
    }

    /** Events registered and not yet published (for tests of the aggregate's rules). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    @Override
    public String getId() {
        return customerId;
    }

    public String customerId() {
        return customerId;
    }

    public Money creditLimit() {
        return Money.of(creditLimit, currency);
    }

    /** Who opened the account (not used to filter access: credit accounts are reference data). */
    public Ownership ownership() {
        return ownership;
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
