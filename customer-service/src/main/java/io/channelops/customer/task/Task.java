package io.channelops.customer.task;

import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up task or reminder: a title, notes, a due date and one assignee, optionally about a customer and
 * following up an activity. Its {@link Ownership} is its assignee and the org unit they work in, so the assignee
 * and their managers see it; reassigning it replaces both. {@code OPEN} until done or cancelled; only an open task
 * can be changed.
 */
@Entity
@Table(name = "tasks")
public class Task extends AggregateRoot<Task> {

    @Id
    private String id;

    @Column(name = "customer_id")
    private @Nullable String customerId;

    @Column(name = "activity_id")
    private @Nullable String activityId;

    @Column(nullable = false)
    private String title;

    private @Nullable String notes;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "assignee_id", nullable = false)
    private String assigneeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    @Column(name = "cancelled_at")
    private @Nullable Instant cancelledAt;

    @Column(name = "closed_by")
    private @Nullable String closedBy;

    @Embedded
    private Ownership ownership;

    @Version
    private long version;

    protected Task() {
        // for JPA
        this.id = "";
        this.title = "";
        this.dueDate = LocalDate.EPOCH;
        this.assigneeId = "";
        this.status = TaskStatus.OPEN;
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
        this.ownership = new Ownership("system", "/hq");
    }

    private Task(String id, String title, @Nullable String notes, LocalDate dueDate, @Nullable String customerId,
            @Nullable String activityId, Ownership assignee, String createdBy, Instant now) {
        this.id = id;
        this.title = title;
        this.notes = notes;
        this.dueDate = dueDate;
        this.customerId = customerId;
        this.activityId = activityId;
        this.assigneeId = assignee.ownerId();
        this.ownership = assignee;
        this.status = TaskStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new open task for {@code assignee} (their id and org path). */
    static Task open(String title, @Nullable String notes, LocalDate dueDate, @Nullable String customerId,
            @Nullable String activityId, Ownership assignee, String createdBy, Instant now) {
        return new Task(UUID.randomUUID().toString(), title, notes, dueDate, customerId, activityId, assignee,
                createdBy, now);
    }

    /** The follow-up task an activity asked for, with the id the activity already names. */
    static Task followUp(String id, String title, String notes, LocalDate dueDate, String customerId,
            String activityId, Ownership assignee, Instant now) {
        return new Task(id, title, notes, dueDate, customerId, activityId, assignee, assignee.ownerId(), now);
    }

    /** Changes what is to be done and when; null leaves a field, empty notes are removed. */
    void change(@Nullable String newTitle, @Nullable String newNotes, @Nullable LocalDate newDueDate, Instant now) {
        requireOpen("change");
        if (newTitle != null) {
            this.title = newTitle;
        }
        if (newNotes != null) {
            this.notes = newNotes.isBlank() ? null : newNotes;
        }
        if (newDueDate != null) {
            this.dueDate = newDueDate;
        }
        this.updatedAt = now;
    }

    /** Hands the task to another assignee, who then owns it in their org unit. */
    void reassign(Ownership assignee, Instant now) {
        requireOpen("reassign");
        this.assigneeId = assignee.ownerId();
        this.ownership = assignee;
        this.updatedAt = now;
    }

    void complete(String by, Instant now) {
        requireOpen("complete");
        this.status = TaskStatus.DONE;
        this.completedAt = now;
        this.closedBy = by;
        this.updatedAt = now;
    }

    void cancel(String by, Instant now) {
        requireOpen("cancel");
        this.status = TaskStatus.CANCELLED;
        this.cancelledAt = now;
        this.closedBy = by;
        this.updatedAt = now;
    }

    /** Re-points it to the customer its own customer was merged into. */
    void moveTo(String survivingCustomerId, Instant now) {
        this.customerId = survivingCustomerId;
        this.updatedAt = now;
    }

    private void requireOpen(String action) {
        if (status != TaskStatus.OPEN) {
            throw ApiProblem.illegalTransition("task", id, status, action);
        }
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() {
        return id;
    }

    public @Nullable String customerId() {
        return customerId;
    }

    public @Nullable String activityId() {
        return activityId;
    }

    public String title() {
        return title;
    }

    public @Nullable String notes() {
        return notes;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String assigneeId() {
        return assigneeId;
    }

    public TaskStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant completedAt() {
        return completedAt;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable String closedBy() {
        return closedBy;
    }

    public Ownership ownership() {
        return ownership;
    }

    public long version() {
        return version;
    }
}
