package io.channelops.customer.ownership;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.Customers;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assigning many customers at once, handing every customer of a leaving owner to another, and the assignment
 * history. Every change raises {@code CustomerReassigned} and writes one history row per customer, in the same
 * transaction. New owners are checked like a single assignment: an active user of the directory within the
 * caller's org subtree (422 {@code UNKNOWN_ASSIGNEE} / {@code ASSIGNEE_OUT_OF_SCOPE}).
 */
@Service
public class OwnershipService {

    private static final Logger log = LoggerFactory.getLogger(OwnershipService.class);

    private final Customers customers;
    private final CustomerService customerService;
    private final AssignmentHistory history;
    private final DataScope scope;
    private final OwnershipSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate batchTx;
    private final Clock clock;

    OwnershipService(Customers customers, CustomerService customerService, AssignmentHistory history, DataScope scope,
            OwnershipSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.customers = customers;
        this.customerService = customerService;
        this.history = history;
        this.scope = scope;
        this.settings = settings;
        this.jdbc = jdbc;
        this.batchTx = new TransactionTemplate(transactions);
        this.batchTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** What a transfer of every customer of one owner did. */
    public record Transfer(String fromOwnerId, Ownership to, int transferred, long remaining) {
    }

    /**
     * Assigns every listed customer to {@code ownerId}, all or nothing: when any of them does not exist or lies
     * outside the caller's scope, 404 {@code CUSTOMERS_NOT_FOUND} names them all and nothing changes. A repeated id
     * counts once. A customer changed by someone else meanwhile fails the whole request (409
     * {@code CONCURRENT_MODIFICATION}).
     */
    @Transactional
    public List<Customer> assignAll(List<String> customerIds, String ownerId, String reason) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(customerIds));
        Map<String, Customer> visible = new LinkedHashMap<>();
        for (Customer customer : customers.findAllById(ids)) {
            if (scope.permits(customer.ownership())) {
                visible.put(customer.id(), customer);
            }
        }
        List<String> missing = ids.stream().filter(id -> !visible.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "CUSTOMERS_NOT_FOUND",
                    "Customers not found: " + String.join(", ", missing), String.join(", ", missing));
        }
        Ownership to = scope.reassignTo(ownerId);
        String by = scope.caller().id();
        Instant now = Instant.now(clock);
        List<Customer> assigned = new ArrayList<>();
        for (String id : ids) {
            Customer customer = Objects.requireNonNull(visible.get(id));
            Ownership from = customer.ownership();
            customer.reassign(to, reason, by, now);
            history.record(id, AssignmentKind.ASSIGNED, from, to, reason, by, now);
            assigned.add(customer);
        }
        return customers.saveAllAndFlush(assigned);
    }

    /**
     * Hands every customer of {@code fromOwnerId} that the caller sees to {@code toOwnerId}, in transactions of
     * {@link OwnershipSettings#transferBatchSize()} customers, at most {@link OwnershipSettings#transferMax()} per
     * call. A batch is all or nothing; batches already done stay done when a later one fails, and calling again
     * carries on with what is left ({@code remaining}).
     */
    public Transfer transferAll(String fromOwnerId, String toOwnerId, String reason) {
        if (Customer.OPEN_POOL.equals(fromOwnerId)) {
            throw ApiProblem.unprocessable("RESERVED_OWNER",
                    "The open pool is not an owner to transfer from; claim or assign its customers instead",
                    fromOwnerId);
        }
        if (fromOwnerId.equals(toOwnerId)) {
            throw ApiProblem.unprocessable("SAME_OWNER", "fromOwnerId and toOwnerId are the same user",
                    fromOwnerId);
        }
        Ownership to = scope.reassignTo(toOwnerId);
        DataScope.Sql within = scope.sql("owner_id", "org_path");
        String by = scope.caller().id();
        int transferred = 0;
        while (transferred < settings.transferMax()) {
            int limit = Math.min(settings.transferBatchSize(), settings.transferMax() - transferred);
            Integer moved = batchTx.execute(status -> transferBatch(fromOwnerId, to, reason, by, within, limit));
            int count = moved == null ? 0 : moved;
            transferred += count;
            if (count < limit) {
                break;
            }
        }
        List<Object> args = new ArrayList<>();
        args.add(fromOwnerId);
        args.addAll(within.args());
        Long remaining = jdbc.queryForObject(
                "SELECT COUNT(*) FROM customers WHERE owner_id = ? AND " + within.condition(), Long.class,
                args.toArray());
        log.info("{} moved {} customers of {} to {} ({} left)", by, transferred, fromOwnerId, to.ownerId(),
                remaining);
        return new Transfer(fromOwnerId, to, transferred, remaining == null ? 0 : remaining);
    }

    private int transferBatch(String fromOwnerId, Ownership to, String reason, String by, DataScope.Sql within,
            int limit) {
        List<Object> args = new ArrayList<>();
        args.add(fromOwnerId);
        args.addAll(within.args());
        args.add(limit);
        // locks the batch first: what is read after it is the latest committed state of these customers
        List<String> ids = jdbc.queryForList("SELECT id FROM customers WHERE owner_id = ? AND " + within.condition()
                + " ORDER BY id LIMIT ? FOR UPDATE", String.class, args.toArray());
        Instant now = Instant.now(clock);
        List<Customer> batch = new ArrayList<>();
        for (Customer customer : customers.findAllById(ids)) {
            Ownership from = customer.ownership();
            customer.reassign(to, reason, by, now);
            history.record(customer.id(), AssignmentKind.TRANSFERRED, from, to, reason, by, now);
            batch.add(customer);
        }
        customers.saveAllAndFlush(batch);
        return batch.size();
    }

    /** The assignment history of a customer the caller sees (404 otherwise), newest first. */
    @Transactional(readOnly = true)
    public Page<AssignmentEntry> history(String customerId, Pageable pageable) {
        customerService.get(customerId);
        return history.of(customerId, pageable);
    }
}
