package io.channelops.customer.customer;

import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the customer archive; each one transaction. Customers are owned records: the caller's
 * {@link DataScope} decides which ones they see (a rep their own, a manager their org subtree, a director all), a
 * customer out of scope is "not found", and lists only contain what the caller sees.
 */
@Service
public class CustomerService {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Customers customers;
    private final CustomerAssignments assignments;
    private final DataScope scope;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CustomerService(Customers customers, CustomerAssignments assignments, DataScope scope, Clock clock) {
        this.customers = customers;
        this.assignments = assignments;
        this.scope = scope;
        this.clock = clock;
    }

    /** What a client may set when registering a customer. */
    public record Registration(@Nullable String code, String name, CustomerType type, String regionCode,
            @Nullable String email) {
    }

    /** What a client may change; null leaves a field as it is. */
    public record Change(@Nullable String name, @Nullable String email) {
    }

    /** A reassignment: the new owner's user id and why. */
    public record Assignment(String ownerId, String reason) {
    }

    /** Filters of the customer list; null means any. */
    public record Filter(@Nullable CustomerType type, @Nullable String regionCode, @Nullable String text) {
    }

    @Transactional
    public Customer register(Registration registration) {
        String code = registration.code() == null ? newCode() : registration.code().toUpperCase(Locale.ROOT);
        if (customers.existsByCode(code)) {
            throw ApiProblem.conflict("CUSTOMER_CODE_TAKEN", "Customer code " + code + " is already in use", code);
        }
        Customer customer = Customer.register(code, registration.name().strip(), registration.type(),
                registration.regionCode().toUpperCase(Locale.ROOT), registration.email(), scope.forNewRecord(),
                Instant.now(clock));
        return customers.save(customer);
    }

    /** The customer if the caller may see it; 404 when it does not exist or lies outside the caller's scope. */
    @Transactional(readOnly = true)
    public Customer get(String id) {
        return scope.visible(customers.findById(id), Customer::ownership, "customer", id);
    }

    @Transactional
    public Customer change(String id, @Nullable String ifMatch, Change change) {
        Customer customer = get(id);
        ETags.requireMatch(ifMatch, customer.version(), "customer", id);
        Instant now = Instant.now(clock);
        if (change.name() != null) {
            customer.rename(change.name().strip(), now);
        }
        if (change.email() != null) {
            customer.changeContact(change.email().isBlank() ? null : change.email(), now);
        }
        return customers.saveAndFlush(customer);
    }

    /**
     * Hands a customer the caller sees (404 otherwise) to another user, whose current org path it then lives in.
     * The platform checks the assignee against the user directory: unknown or inactive 422 {@code UNKNOWN_ASSIGNEE},
     * outside the caller's org subtree 422 {@code ASSIGNEE_OUT_OF_SCOPE}. Recorded in the assignment history.
     */
    @Transactional
    public Customer assign(String id, @Nullable String ifMatch, Assignment assignment) {
        Customer customer = get(id);
        ETags.requireMatch(ifMatch, customer.version(), "customer", id);
        Ownership to = scope.reassignTo(assignment.ownerId());
        Ownership from = customer.ownership();
        Instant now = Instant.now(clock);
        customer.reassign(to, assignment.reason().strip(), scope.caller().id(), now);
        assignments.save(new CustomerAssignment(id, from, to, assignment.reason().strip(), scope.caller().id(),
                now));
        return customers.saveAndFlush(customer);
    }

    /** The customers the caller sees that match the filter. */
    @Transactional(readOnly = true)
    public Page<Customer> search(Filter filter, Pageable pageable) {
        Specification<Customer> spec = scope.specification();
        if (filter.type() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("type"), filter.type()));
        }
        if (filter.regionCode() != null) {
            String region = filter.regionCode().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("regionCode"), region));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("%", "\\%") + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("name")), like),
                    cb.like(cb.lower(root.get("code")), like)));
        }
        return customers.findAll(spec, pageable);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("C-");
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
