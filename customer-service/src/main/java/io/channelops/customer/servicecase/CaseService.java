package io.channelops.customer.servicecase;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.Customers;
import io.channelops.platform.observability.AfterCommit;
import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of service cases; each one transaction.
 *
 * <p><b>Who sees a case</b>: a case belongs to a customer and carries the customer's owner and org path of the
 * moment it was opened ({@code owner_id}, {@code org_path}). A caller sees it when they see its customer now, or
 * when the case's own ownership is in their data scope (the rep who owned the customer then, their managers), or
 * when it is assigned to them. Outside that it is 404; lists contain exactly the cases the caller sees.
 */
@Service
public class CaseService {

    private final ServiceCases cases;
    private final CaseHistory history;
    private final CustomerService customerService;
    private final Customers customers;
    private final DataScope scope;
    private final CaseSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    CaseService(ServiceCases cases, CaseHistory history, CustomerService customerService, Customers customers,
            DataScope scope, CaseSettings settings, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.history = history;
        this.customerService = customerService;
        this.customers = customers;
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** Which breach a list asks for. */
    public enum Breach {
        /** The first response is late (missing past its deadline, or given after it). */
        FIRST_RESPONSE,
        /** The resolution is late. */
        RESOLUTION,
        /** Either. */
        ANY
    }

    /** Filters of the case list; null means any. */
    public record Filter(@Nullable CaseStatus status, @Nullable CasePriority priority, @Nullable String assigneeId,
            @Nullable String customerId, @Nullable Boolean breached) {
    }

    /** Opens a case for a customer the caller sees (404 otherwise); the caller is the opener. */
    @Transactional
    public ServiceCase open(String customerId, ServiceCase.Details details) {
        Customer customer = customerService.get(customerId);
        ServiceCase opened = ServiceCase.open(customer.id(), details, settings.of(details.priority()),
                customer.ownership(), scope.caller().id(), Instant.now(clock));
        ServiceCase saved = cases.save(opened);
        AfterCommit.increment(meters.counter("channelops.customers.cases.opened", "priority",
                details.priority().name()));
        return saved;
    }

    /** A case the caller sees (see the class comment); 404 otherwise. */
    @Transactional(readOnly = true)
    public ServiceCase get(String id) {
        ServiceCase found = cases.findById(id).orElseThrow(() -> ApiProblem.notFound("case", id));
        if (!visible(found)) {
            throw ApiProblem.notFound("case", id);
        }
        return found;
    }

    /**
     * Gives a case to a user: an active user of the directory within the caller's org subtree (422
     * {@code UNKNOWN_ASSIGNEE} / {@code ASSIGNEE_OUT_OF_SCOPE}), like assigning a customer.
     */
    @Transactional
    public ServiceCase assign(String id, @Nullable String ifMatch, String assigneeId) {
        ServiceCase serviceCase = forChange(id, ifMatch);
        String assignee = scope.reassignTo(assigneeId).ownerId();
        serviceCase.assign(assignee, scope.caller().id(), Instant.now(clock));
        return cases.saveAndFlush(serviceCase);
    }

    @Transactional
    public ServiceCase start(String id, @Nullable String ifMatch, @Nullable String note) {
        ServiceCase serviceCase = forChange(id, ifMatch);
        serviceCase.start(scope.caller().id(), Instant.now(clock), note);
        return cases.saveAndFlush(serviceCase);
    }

    @Transactional
    public ServiceCase resolve(String id, @Nullable String ifMatch, String resolution) {
        ServiceCase serviceCase = forChange(id, ifMatch);
        serviceCase.resolve(resolution, scope.caller().id(), Instant.now(clock));
        return cases.saveAndFlush(serviceCase);
    }

    @Transactional
    public ServiceCase reopen(String id, @Nullable String ifMatch, @Nullable String note) {
        ServiceCase serviceCase = forChange(id, ifMatch);
        serviceCase.reopen(scope.caller().id(), Instant.now(clock), note);
        return cases.saveAndFlush(serviceCase);
    }

    @Transactional
    public ServiceCase close(String id, @Nullable String ifMatch, @Nullable Integer satisfactionScore) {
        ServiceCase serviceCase = forChange(id, ifMatch);
        serviceCase.close(satisfactionScore, scope.caller().id(), Instant.now(clock));
        ServiceCase closed = cases.saveAndFlush(serviceCase);
        AfterCommit.increment(meters.counter("channelops.customers.cases.closed", "priority",
                closed.priority().name()));
        return closed;
    }

    @Transactional
    public CaseHistoryEntry comment(String id, String text) {
        ServiceCase serviceCase = get(id);
        CaseHistoryEntry entry = serviceCase.comment(text, scope.caller().id(), Instant.now(clock));
        cases.saveAndFlush(serviceCase);
        return entry;
    }

    /** The history of a case the caller sees, oldest first unless the page sorts otherwise. */
    @Transactional(readOnly = true)
    public Page<CaseHistoryEntry> history(String id, Pageable pageable) {
        get(id);
        return history.findByCaseId(id, pageable);
    }

    /**
     * The cases the caller sees that match the filter. With {@code customerId}, the customer must be visible to the
     * caller (404 otherwise) and every case of it is listed.
     */
    @Transactional(readOnly = true)
    public Page<ServiceCase> search(Filter filter, Pageable pageable) {
        Specification<ServiceCase> spec;
        if (filter.customerId() != null) {
            String customerId = customerService.get(filter.customerId()).id();
            spec = (root, query, cb) -> cb.equal(root.get("customerId"), customerId);
        } else {
            spec = visibleCases();
        }
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.priority() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("priority"), filter.priority()));
        }
        if (filter.assigneeId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("assigneeId"), filter.assigneeId()));
        }
        if (filter.breached() != null) {
            Specification<ServiceCase> breached = breached(Breach.ANY, Instant.now(clock));
            spec = spec.and(filter.breached() ? breached : Specification.not(breached));
        }
        return cases.findAll(spec, pageable);
    }

    /**
     * The cases the caller sees whose first-response or resolution deadline was breached (see {@link ServiceCase}),
     * without closed ones unless {@code includeClosed}.
     */
    @Transactional(readOnly = true)
    public Page<ServiceCase> breached(Breach kind, @Nullable CasePriority priority, boolean includeClosed,
            Pageable pageable) {
        Specification<ServiceCase> spec = visibleCases().and(breached(kind, Instant.now(clock)));
        if (!includeClosed) {
            spec = spec.and((root, query, cb) -> cb.notEqual(root.get("status"), CaseStatus.CLOSED));
        }
        if (priority != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("priority"), priority));
        }
        return cases.findAll(spec, pageable);
    }

    /** The time breach flags are computed at. */
    public Instant now() {
        return Instant.now(clock);
    }

    private ServiceCase forChange(String id, @Nullable String ifMatch) {
        ServiceCase serviceCase = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, serviceCase.version(), "case", id);
        }
        return serviceCase;
    }

    private boolean visible(ServiceCase serviceCase) {
        CurrentUser caller = scope.caller();
        if (scope.permits(serviceCase.ownership()) || caller.id().equals(serviceCase.assigneeId())) {
            return true;
        }
        return customers.findById(serviceCase.customerId()).map(c -> scope.permits(c.ownership())).orElse(false);
    }

    /** The list form of {@link #visible}: case ownership in scope, assigned to the caller, or customer in scope. */
    private Specification<ServiceCase> visibleCases() {
        CurrentUser caller = scope.caller();
        Specification<ServiceCase> own = scope.specification();
        Specification<Customer> customerScope = scope.specification();
        Specification<ServiceCase> assigned = (root, query, cb) -> cb.equal(root.get("assigneeId"), caller.id());
        Specification<ServiceCase> customerVisible = (root, query, cb) -> {
            Subquery<String> visibleCustomer = query.subquery(String.class);
            Root<Customer> customer = visibleCustomer.from(Customer.class);
            visibleCustomer.select(customer.get("id")).where(cb.equal(customer.get("id"), root.get("customerId")),
                    customerScope.toPredicate(customer, query, cb));
            return cb.exists(visibleCustomer);
        };
        return own.or(assigned).or(customerVisible);
    }

    private static Specification<ServiceCase> breached(Breach kind, Instant now) {
        // each branch is true or false, never SQL's unknown, so that "not breached" is the exact complement
        Specification<ServiceCase> firstResponse = (root, query, cb) -> cb.or(
                cb.and(cb.isNull(root.get("firstRespondedAt")), cb.lessThan(root.get("firstResponseDueAt"), now)),
                cb.and(cb.isNotNull(root.get("firstRespondedAt")),
                        cb.greaterThan(root.get("firstRespondedAt"), root.<Instant>get("firstResponseDueAt"))));
        Specification<ServiceCase> resolution = (root, query, cb) -> cb.or(
                cb.and(cb.isNull(root.get("resolvedAt")), cb.lessThan(root.get("resolutionDueAt"), now)),
                cb.and(cb.isNotNull(root.get("resolvedAt")),
                        cb.greaterThan(root.get("resolvedAt"), root.<Instant>get("resolutionDueAt"))));
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponse;
            case RESOLUTION -> resolution;
            case ANY -> firstResponse.or(resolution);
        };
    }
}
