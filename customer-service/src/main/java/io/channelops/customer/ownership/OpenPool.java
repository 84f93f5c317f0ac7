package io.channelops.customer.ownership;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.Customers;
import io.channelops.platform.observability.AfterCommit;
import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.OrgPaths;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.security.ScopeLevel;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open pool: customers nobody owns (owner {@value Customer#OPEN_POOL}) waiting in the pool of their org unit
 * ({@code org_path}) for someone to claim them.
 *
 * <p>Who sees a pool is its own rule, not the caller's {@link DataScope}: a caller sees the pools of their org unit
 * and of every unit below it (a rep of {@code /hq/east/team-1} that team's pool, a manager of {@code /hq/east} the
 * pools of the region and its teams, an integration client those at or below its registration's org path), and a
 * caller who sees everything (director, auditor) every pool. Pool customers stay out of a rep's ordinary customer
 * reads ({@code GET /customers/{id}} is 404 for them); a manager sees those of their subtree there as before.
 *
 * <p>Claims of one user are serialised on their row in {@code pool_claimers}, and the claimed customer's row is
 * locked ({@code SELECT ... FOR UPDATE}) before it is read, so of two concurrent claims of one customer exactly one
 * wins and the other sees it claimed (409 {@code ALREADY_CLAIMED}), and two concurrent claims of one user cannot
 * both slip under the claim limit.
 */
@Service
public class OpenPool {

    private final Customers customers;
    private final CustomerService customerService;
    private final AssignmentHistory history;
    private final DataScope scope;
    private final PoolSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Counter claims;
    private final Counter releases;

    OpenPool(Customers customers, CustomerService customerService, AssignmentHistory history, DataScope scope,
            PoolSettings settings, JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.customers = customers;
        this.customerService = customerService;
        this.history = history;
        this.scope = scope;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.claims = Counter.builder("channelops.customers.pool.claimed")
                .description("Customers claimed from the open pool").register(meters);
        this.releases = Counter.builder("channelops.customers.pool.released")
                .description("Customers a manager put back into the open pool").register(meters);
    }

    /** The pool customers the caller may claim (see the class comment), filtered by text in name or code. */
    @Transactional(readOnly = true)
    public Page<Customer> list(@Nullable String text, Pageable pageable) {
        CurrentUser caller = scope.caller();
        Specification<Customer> spec = (root, query, cb) -> cb.equal(root.get("ownership").get("ownerId"),
                Customer.OPEN_POOL);
        if (caller.level() != ScopeLevel.ALL) {
            String unit = OrgPaths.withoutTrailingSlash(caller.orgPath());
            spec = spec.and((root, query, cb) -> caller.orgPath().isEmpty() ? cb.disjunction() : cb.or(
                    cb.equal(root.get("ownership").get("orgPath"), unit),
                    cb.like(root.get("ownership").<String>get("orgPath"), OrgPaths.belowPattern(caller.orgPath()),
                            '\\')));
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                    cb.like(cb.lower(root.get("code")), like, '\\')));
        }
        return customers.findAll(spec, pageable);
    }

    /**
     * The caller takes a pool customer they may see: they become its owner and it moves to their org path. 404 when
     * it does not exist or is in a pool the caller does not see; 409 {@code ALREADY_CLAIMED} when someone claimed it
     * first; 409 {@code NOT_IN_POOL} for a customer the caller sees that is not in the pool; 422
     * {@code CLAIM_NOT_ALLOWED} for integration clients (they hold no pool quota; a manager assigns for them); 422
     * {@code CLAIM_LIMIT_REACHED} when the caller already holds {@link PoolSettings#claimLimit()} claimed prospects.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Customer claim(String id) {
        CurrentUser caller = scope.caller();
        if (!caller.client()) {
            lockClaimer(caller.id());
        }
        // lock the row before reading it (in READ COMMITTED the read then sees the latest committed claim);
        // JDBC, because Hibernate's MySQL dialect writes "FOR UPDATE OF", which MariaDB does not know
        if (jdbc.queryForList("SELECT id FROM customers WHERE id = ? FOR UPDATE", String.class, id).isEmpty()) {
            throw ApiProblem.notFound("customer", id);
        }
        Customer customer = customers.findById(id).orElseThrow(() -> ApiProblem.notFound("customer", id));
        if (!customer.inOpenPool()) {
            throw notInPool(customer, caller);
        }
        if (!sees(caller, customer.ownership().orgPath())) {
            throw ApiProblem.notFound("customer", id);
        }
        if (caller.client()) {
            throw ApiProblem.unprocessable("CLAIM_NOT_ALLOWED",
                    "Integration clients cannot claim from the open pool; a manager can assign the customer",
                    caller.id());
        }
        if (history.heldClaims(caller.id()) >= settings.claimLimit()) {
            throw ApiProblem.unprocessable("CLAIM_LIMIT_REACHED", "You already hold " + settings.claimLimit()
                    + " prospects claimed from the open pool; win or hand some over first", settings.claimLimit());
        }
        Instant now = Instant.now(clock);
        Ownership from = customer.ownership();
        Ownership to = caller.ownership();
        String reason = "claimed from the open pool of " + from.orgPath();
        customer.reassign(to, reason, caller.id(), now);
        history.record(id, AssignmentKind.CLAIMED, from, to, reason, caller.id(), now);
        jdbc.update("UPDATE pool_claimers SET last_claim_at = ? WHERE user_id = ?", Timestamp.from(now),
                caller.id());
        Customer claimed = customers.saveAndFlush(customer);
        AfterCommit.increment(claims);
        return claimed;
    }

    /**
     * A manager (or director) puts a customer they see back into the open pool of the org unit it lives in. 404
     * outside their scope; 409 {@code ALREADY_IN_POOL}; {@code If-Match} optional, checked when sent.
     */
    @Transactional
    public Customer release(String id, @Nullable String ifMatch, String reason) {
        Customer customer = customerService.get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, customer.version(), "customer", id);
        }
        if (customer.inOpenPool()) {
            throw ApiProblem.conflict("ALREADY_IN_POOL", "Customer " + id + " is already in the open pool", id);
        }
        Instant now = Instant.now(clock);
        Ownership from = customer.ownership();
        Ownership pool = new Ownership(Customer.OPEN_POOL, from.orgPath());
        String by = scope.caller().id();
        customer.reassign(pool, reason, by, now);
        history.record(id, AssignmentKind.RELEASED_TO_POOL, from, pool, reason, by, now);
        Customer released = customers.saveAndFlush(customer);
        AfterCommit.increment(releases);
        return released;
    }

    /** Whether the caller sees the pool of the org unit {@code orgPath}. */
    static boolean sees(CurrentUser caller, String orgPath) {
        return caller.level() == ScopeLevel.ALL || OrgPaths.within(orgPath, caller.orgPath());
    }

    private ApiProblem notInPool(Customer customer, CurrentUser caller) {
        Optional<AssignmentEntry> latest = history.latest(customer.id());
        if (latest.isPresent() && latest.get().kind() == AssignmentKind.CLAIMED
                && sees(caller, latest.get().from().orgPath())) {
            return ApiProblem.conflict("ALREADY_CLAIMED", "Customer " + customer.id()
                    + " was already claimed from the open pool", customer.id());
        }
        if (scope.permits(customer.ownership())) {
            return ApiProblem.conflict("NOT_IN_POOL", "Customer " + customer.id() + " is not in the open pool",
                    customer.id());
        }
        return ApiProblem.notFound("customer", customer.id());
    }

    /** Serialises the claims of one user: the row lock is held until the claim commits. */
    private void lockClaimer(String userId) {
        jdbc.update("INSERT INTO pool_claimers (user_id) VALUES (?) ON DUPLICATE KEY UPDATE user_id = user_id",
                userId);
        jdbc.queryForList("SELECT user_id FROM pool_claimers WHERE user_id = ? FOR UPDATE", String.class, userId);
    }
}
