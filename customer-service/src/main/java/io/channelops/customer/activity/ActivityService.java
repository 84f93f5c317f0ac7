package io.channelops.customer.activity;

import io.channelops.customer.contact.ContactService;
import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.Customers;
import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of activities; each one transaction. Logging and the per-customer list need the customer to be visible
 * to the caller ({@link CustomerService#get}, 404 otherwise). One activity is visible when its own ownership (its
 * customer's owner and org unit when it was logged) is in the caller's scope, or its customer is now: the rep who
 * made a visit still sees it after the customer moved on, and the customer's new owner sees its whole history.
 * Lists across customers are filtered by the activities' own ownership.
 */
@Service
public class ActivityService {

    /** Activities before this instant are taken for typing errors. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Stands for the caller in a {@code loggedBy} filter. */
    public static final String ME = "me";

    /** How far ahead a follow-up may be planned. */
    static final int MAX_FOLLOW_UP_YEARS = 5;

    private final Activities activities;
    private final CustomerService customerService;
    private final Customers customers;
    private final ContactService contacts;
    private final DataScope scope;
    private final ActivitySettings settings;
    private final Clock clock;

    public ActivityService(Activities activities, CustomerService customerService, Customers customers,
            ContactService contacts, DataScope scope, ActivitySettings settings, Clock clock) {
        this.activities = activities;
        this.customerService = customerService;
        this.customers = customers;
        this.contacts = contacts;
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
    }

    /** Filters of activity lists; null means any. {@code from} inclusive, {@code to} exclusive, on occurredAt. */
    public record Filter(@Nullable ActivityType type, @Nullable Instant from, @Nullable Instant to,
            @Nullable String loggedBy, @Nullable String customerId) {
    }

    /** A correction of an activity's texts: null leaves a text as it is, an empty string removes it. */
    public record Correction(@Nullable String subject, @Nullable String details, @Nullable String nextStep,
            @Nullable String location, @Nullable String purpose) {
    }

    /**
     * Logs an activity of a customer the caller sees, as the caller. With {@code followUpOn} (which needs a next
     * step) a follow-up task for the caller is created in the same transaction.
     */
    @Transactional
    public Activity log(String customerId, ActivityReport report, @Nullable LocalDate followUpOn) {
        Customer customer = customerService.get(customerId);
        Instant now = Instant.now(clock);
        if (report.occurredAt().isAfter(now.plus(settings.futureTolerance()))) {
            throw ApiProblem.unprocessable("OCCURRED_AT_IN_FUTURE", "occurredAt " + report.occurredAt()
                    + " lies in the future; log an activity once it took place", report.occurredAt());
        }
        if (report.occurredAt().isBefore(EARLIEST)) {
            throw ApiProblem.unprocessable("OCCURRED_AT_OUT_OF_RANGE", "occurredAt " + report.occurredAt()
                    + " is before " + EARLIEST, report.occurredAt(), EARLIEST);
        }
        if (!contacts.allBelongTo(customerId, report.contactIds())) {
            throw ApiProblem.unprocessable("CONTACT_NOT_OF_CUSTOMER",
                    "Every contact of an activity must be a contact of customer " + customerId, customerId);
        }
        if (followUpOn != null) {
            checkFollowUp(report, followUpOn, now);
        }
        CurrentUser caller = scope.caller();
        Activity activity = Activity.log(customerId, report, caller.id(), caller.orgPath(), customer.ownership(),
                followUpOn, now);
        return activities.save(activity);
    }

    private void checkFollowUp(ActivityReport report, LocalDate followUpOn, Instant now) {
        if (report.nextStep() == null) {
            throw ApiProblem.unprocessable("FOLLOW_UP_WITHOUT_NEXT_STEP",
                    "followUpOn needs a nextStep: it becomes the follow-up task's title");
        }
        LocalDate today = LocalDate.ofInstant(now, settings.timeZone());
        if (followUpOn.isBefore(today) || followUpOn.isAfter(today.plusYears(MAX_FOLLOW_UP_YEARS))) {
            throw ApiProblem.unprocessable("FOLLOW_UP_OUT_OF_RANGE", "followUpOn must lie between today (" + today
                    + ") and " + MAX_FOLLOW_UP_YEARS + " years ahead", followUpOn, today);
        }
    }

    /** One activity the caller may see (see the class comment); 404 otherwise. */
    @Transactional(readOnly = true)
    public Activity get(String id) {
        Activity activity = activities.findById(id).orElseThrow(() -> ApiProblem.notFound("activity", id));
        if (!scope.permits(activity.ownership()) && !customerVisible(activity.customerId())) {
            throw ApiProblem.notFound("activity", id);
        }
        return activity;
    }

    /** The activities of a customer the caller sees, all of them (whoever logged them). */
    @Transactional(readOnly = true)
    public Page<Activity> ofCustomer(String customerId, Filter filter, Pageable pageable) {
        customerService.get(customerId);
        Specification<Activity> spec = (root, query, cb) -> cb.equal(root.get("customerId"), customerId);
        return activities.findAll(spec.and(filters(filter)), pageable);
    }

    /**
     * Activities across customers, within the caller's data scope (by the activities' own ownership).
     * {@code loggedBy} {@value #ME} stands for the caller.
     */
    @Transactional(readOnly = true)
    public Page<Activity> search(Filter filter, Pageable pageable) {
        if (ME.equals(filter.loggedBy())) {
            filter = new Filter(filter.type(), filter.from(), filter.to(), scope.caller().id(), filter.customerId());
        }
        Specification<Activity> spec = scope.specification();
        if (filter.customerId() != null) {
            String customerId = filter.customerId();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("customerId"), customerId));
        }
        return activities.findAll(spec.and(filters(filter)), pageable);
    }

    /**
     * The author corrects the texts of an activity on the day it was logged (in the business time zone). What was
     * reported to other services ({@code type}, {@code occurredAt}, {@code durationMinutes}, {@code outcome}) stays:
     * log a note to amend it. Another caller who sees it: 403 {@code NOT_ACTIVITY_AUTHOR}; a later day: 409
     * {@code ACTIVITY_LOCKED}.
     */
    @Transactional
    public Activity correct(String id, @Nullable String ifMatch, Correction correction) {
        Activity activity = get(id);
        ETags.requireMatch(ifMatch, activity.version(), "activity", id);
        Instant now = Instant.now(clock);
        if (!activity.loggedBy().equals(scope.caller().id())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_ACTIVITY_AUTHOR",
                    "Only " + activity.loggedBy() + ", who logged activity " + id + ", may correct it", id,
                    activity.loggedBy());
        }
        if (!activity.correctableBy(scope.caller().id(), now, settings.timeZone())) {
            throw ApiProblem.conflict("ACTIVITY_LOCKED", "Activity " + id + " was logged on an earlier day and can "
                    + "no longer be corrected; log a note instead", id);
        }
        activity.correct(correction.subject(), correction.details(), correction.nextStep(), correction.location(),
                correction.purpose(), now);
        return activities.saveAndFlush(activity);
    }

    /**
     * A customer's activities that occurred in {@code [from, to)}, newest first, at most {@code limit}: for the
     * customer's timeline and 360 summary. No scope check: resolve the customer through
     * {@link CustomerService#get} first.
     */
    @Transactional(readOnly = true)
    public List<Activity> between(String customerId, Instant from, Instant to, int limit) {
        return activities.findWindow(customerId, from, to, PageRequest.of(0, Math.max(1, limit)));
    }

    /** Re-points the activities of a merged customer to the surviving one, in the merge's transaction. */
    @Transactional
    public int moveAll(String mergedCustomerId, String survivingCustomerId) {
        if (mergedCustomerId.equals(survivingCustomerId)) {
            return 0;
        }
        List<Activity> moving = activities.findByCustomerId(mergedCustomerId);
        moving.forEach(activity -> activity.moveTo(survivingCustomerId));
        activities.saveAllAndFlush(moving);
        return moving.size();
    }

    private boolean customerVisible(String customerId) {
        return customers.findById(customerId).map(Customer::ownership).filter(scope::permits).isPresent();
    }

    private static Specification<Activity> filters(Filter filter) {
        Specification<Activity> spec = (root, query, cb) -> cb.conjunction();
        if (filter.type() != null) {
            ActivityType type = filter.type();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("type"), type));
        }
        if (filter.from() != null) {
            Instant from = filter.from();
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
        }
        if (filter.to() != null) {
            Instant to = filter.to();
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("occurredAt"), to));
        }
        if (filter.loggedBy() != null) {
            String loggedBy = filter.loggedBy();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("loggedBy"), loggedBy));
        }
        return spec;
    }
}
