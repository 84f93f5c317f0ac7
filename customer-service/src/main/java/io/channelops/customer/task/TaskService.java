package io.channelops.customer.task;

import io.channelops.customer.activity.Activity;
import io.channelops.customer.activity.ActivityService;
import io.channelops.customer.activity.FollowUpRequested;
import io.channelops.customer.customer.CustomerService;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of tasks; each one transaction. A task is visible to the caller when its ownership (its assignee and
 * their org unit) is in the caller's data scope: the assignee, their managers, directors. Assigning follows the
 * customers' rules ({@link DataScope#reassignTo}): anyone may assign to themselves; a manager (or director, or an
 * integration client) to an active user within their org subtree; a rep to nobody else (422
 * {@code ASSIGNEE_OUT_OF_SCOPE}); an unknown or deactivated user is 422 {@code UNKNOWN_ASSIGNEE}. A task about a
 * customer or following up an activity needs the caller to see them (404 otherwise).
 */
@Service
public class TaskService {

    /** Stands for the caller as an assignee. */
    public static final String ME = "me";
    /** As an assignee filter: every assignee in the caller's scope. */
    public static final String ALL = "all";

    /** How far in the past a task may be due (backfilled reminders) and how far ahead. */
    static final int MAX_YEARS_BACK = 1;
    static final int MAX_YEARS_AHEAD = 5;

    private final Tasks tasks;
    private final CustomerService customers;
    private final ActivityService activities;
    private final DataScope scope;
    private final FollowUpSettings settings;
    private final Clock clock;

    public TaskService(Tasks tasks, CustomerService customers, ActivityService activities, DataScope scope,
            FollowUpSettings settings, Clock clock) {
        this.tasks = tasks;
        this.customers = customers;
        this.activities = activities;
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new task; no assignee means the caller. */
    public record NewTask(String title, @Nullable String notes, LocalDate dueDate, @Nullable String assigneeId,
            @Nullable String customerId, @Nullable String activityId) {
    }

    /** Changes of an open task; null leaves a field, empty notes are removed. */
    public record Change(@Nullable String title, @Nullable String notes, @Nullable LocalDate dueDate,
            @Nullable String assigneeId) {
    }

    /**
     * Filters of the task list; null means any. {@code assignee} {@value #ME} is the caller, {@value #ALL} or null
     * anyone in scope. {@code dueFrom} inclusive, {@code dueBefore} exclusive.
     */
    public record Filter(@Nullable String assignee, @Nullable TaskStatus status, @Nullable String customerId,
            @Nullable LocalDate dueFrom, @Nullable LocalDate dueBefore) {
    }

    @Transactional
    public Task create(NewTask task) {
        String customerId = task.customerId();
        if (task.activityId() != null) {
            Activity activity = activities.get(task.activityId());
            if (customerId != null && !customerId.equals(activity.customerId())) {
                throw ApiProblem.unprocessable("ACTIVITY_NOT_OF_CUSTOMER", "Activity " + task.activityId()
                        + " is not an activity of customer " + customerId, task.activityId(), customerId);
            }
            customerId = activity.customerId();
        }
        if (customerId != null) {
            customers.get(customerId);
        }
        checkDueDate(task.dueDate());
        Ownership assignee = assignee(task.assigneeId());
        return tasks.save(Task.open(task.title(), task.notes(), task.dueDate(), customerId, task.activityId(),
                assignee, scope.caller().id(), Instant.now(clock)));
    }

    /** A task the caller sees; 404 otherwise. */
    @Transactional(readOnly = true)
    public Task get(String id) {
        return scope.visible(tasks.findById(id), Task::ownership, "task", id);
    }

    @Transactional
    public Task change(String id, @Nullable String ifMatch, Change change) {
        Task task = get(id);
        ETags.requireMatch(ifMatch, task.version(), "task", id);
        if (change.dueDate() != null) {
            checkDueDate(change.dueDate());
        }
        Instant now = Instant.now(clock);
        task.change(change.title(), change.notes(), change.dueDate(), now);
        if (change.assigneeId() != null) {
            Ownership assignee = assignee(change.assigneeId());
            if (!assignee.equals(task.ownership())) {
                task.reassign(assignee, now);
            }
        }
        return tasks.saveAndFlush(task);
    }

    /** OPEN to DONE; 409 in any other state. {@code If-Match} is checked if sent. */
    @Transactional
    public Task complete(String id, @Nullable String ifMatch) {
        Task task = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, task.version(), "task", id);
        }
        task.complete(scope.caller().id(), Instant.now(clock));
        return tasks.saveAndFlush(task);
    }

    /** OPEN to CANCELLED; 409 in any other state. {@code If-Match} is checked if sent. */
    @Transactional
    public Task cancel(String id, @Nullable String ifMatch) {
        Task task = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, task.version(), "task", id);
        }
        task.cancel(scope.caller().id(), Instant.now(clock));
        return tasks.saveAndFlush(task);
    }

    /** Tasks in the caller's scope that match the filter. */
    @Transactional(readOnly = true)
    public Page<Task> list(Filter filter, Pageable pageable) {
        Specification<Task> spec = scope.<Task>specification().and(assigneeIs(filter.assignee()));
        if (filter.status() != null) {
            TaskStatus status = filter.status();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (filter.customerId() != null) {
            String customerId = filter.customerId();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("customerId"), customerId));
        }
        if (filter.dueFrom() != null) {
            LocalDate from = filter.dueFrom();
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("dueDate"), from));
        }
        if (filter.dueBefore() != null) {
            LocalDate before = filter.dueBefore();
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("dueDate"), before));
        }
        return tasks.findAll(spec, pageable);
    }

    /** Open tasks due before today (business time zone) of {@code assignee} (default the caller), in scope. */
    @Transactional(readOnly = true)
    public Page<Task> overdue(@Nullable String assignee, Pageable pageable) {
        LocalDate today = today();
        return tasks.findAll(scope.<Task>specification().and(assigneeIs(assignee == null ? ME : assignee))
                .and((root, query, cb) -> cb.and(cb.equal(root.get("status"), TaskStatus.OPEN),
                        cb.lessThan(root.get("dueDate"), today))), pageable);
    }

    /** Open tasks due today (business time zone) of {@code assignee} (default the caller), in scope. */
    @Transactional(readOnly = true)
    public Page<Task> dueToday(@Nullable String assignee, Pageable pageable) {
        LocalDate today = today();
        return tasks.findAll(scope.<Task>specification().and(assigneeIs(assignee == null ? ME : assignee))
                .and((root, query, cb) -> cb.and(cb.equal(root.get("status"), TaskStatus.OPEN),
                        cb.equal(root.get("dueDate"), today))), pageable);
    }

    /** Today in the business time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), settings.timeZone());
    }

    /** How many open tasks a customer has (no scope check: resolve the customer first); for its 360 summary. */
    @Transactional(readOnly = true)
    public long countOpen(String customerId) {
        return tasks.countByCustomerIdAndStatus(customerId, TaskStatus.OPEN);
    }

    /** Creates the follow-up task a logged activity asked for, in the logging transaction. */
    @Transactional
    public Task createFollowUp(FollowUpRequested request) {
        return tasks.save(Task.followUp(request.taskId(), request.title(), request.notes(), request.dueDate(),
                request.customerId(), request.activityId(),
                new Ownership(request.assigneeId(), request.assigneeOrgPath()), request.requestedAt()));
    }

    /** Re-points the tasks of a merged customer to the surviving one, in the merge's transaction. */
    @Transactional
    public int moveAll(String mergedCustomerId, String survivingCustomerId) {
        if (mergedCustomerId.equals(survivingCustomerId)) {
            return 0;
        }
        Instant now = Instant.now(clock);
        List<Task> moving = tasks.findByCustomerId(mergedCustomerId);
        moving.forEach(task -> task.moveTo(survivingCustomerId, now));
        tasks.saveAllAndFlush(moving);
        return moving.size();
    }

    private Ownership assignee(@Nullable String assigneeId) {
        if (assigneeId == null || ME.equals(assigneeId) || assigneeId.equals(scope.caller().id())) {
            return scope.forNewRecord();
        }
        return scope.reassignTo(assigneeId);
    }

    private Specification<Task> assigneeIs(@Nullable String assignee) {
        if (assignee == null || ALL.equals(assignee)) {
            return (root, query, cb) -> cb.conjunction();
        }
        String id = ME.equals(assignee) ? scope.caller().id() : assignee;
        return (root, query, cb) -> cb.equal(root.get("assigneeId"), id);
    }

    private void checkDueDate(LocalDate dueDate) {
        LocalDate today = today();
        if (dueDate.isBefore(today.minusYears(MAX_YEARS_BACK)) || dueDate.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw ApiProblem.unprocessable("DUE_DATE_OUT_OF_RANGE", "dueDate must lie between "
                    + today.minusYears(MAX_YEARS_BACK) + " and " + today.plusYears(MAX_YEARS_AHEAD), dueDate,
                    today.minusYears(MAX_YEARS_BACK), today.plusYears(MAX_YEARS_AHEAD));
        }
    }
}
