package io.channelops.customer.activity;

import io.channelops.events.customer.ActivityLogged;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * A visit, call, e-mail, meeting or note with a customer, logged by a user ({@code loggedBy}, the caller, never from
 * a request). Raises {@link ActivityLogged} when logged and, with a follow-up date, {@link FollowUpRequested}.
 * Immutable once logged, except that its author may correct its texts on the day it was logged.
 *
 * <p>Its {@link Ownership} is its customer's owner and org unit at logging time: lists across customers show a rep
 * the activities on their customers and a manager those on their teams' customers.
 */
@Entity
@Table(name = "activities")
public class Activity extends AggregateRoot<Activity> {

    public static final int MAX_CONTACTS = 20;

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "logged_by", nullable = false)
    private String loggedBy;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    @Column(nullable = false)
    private String subject;

    private @Nullable String details;

    private @Nullable String outcome;

    @Column(name = "next_step")
    private @Nullable String nextStep;

    @Column(name = "duration_minutes")
    private @Nullable Integer durationMinutes;

    private @Nullable String location;

    private @Nullable String purpose;

    @Column(name = "follow_up_task_id")
    private @Nullable String followUpTaskId;

    @Column(name = "corrected_at")
    private @Nullable Instant correctedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_contacts", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "contact_id", nullable = false)
    @BatchSize(size = 50)
    private Set<String> contactIds;

    @Embedded
    private Ownership ownership;

    @Version
    private long version;

    protected Activity() {
        // for JPA
        this.id = "";
        this.customerId = "";
        this.type = ActivityType.NOTE;
        this.occurredAt = Instant.EPOCH;
        this.loggedBy = "";
        this.loggedAt = Instant.EPOCH;
        this.subject = "";
        this.contactIds = new HashSet<>();
        this.ownership = new Ownership("system", "/hq");
    }

    private Activity(String customerId, ActivityReport report, String loggedBy, Ownership customerOwnership,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.type = report.type();
        this.occurredAt = report.occurredAt();
        this.loggedBy = loggedBy;
        this.loggedAt = now;
        this.subject = report.subject();
        this.details = report.details();
        this.outcome = report.outcome();
        this.nextStep = report.nextStep();
        this.durationMinutes = report.durationMinutes();
        this.location = report.location();
        this.purpose = report.purpose();
        this.contactIds = new HashSet<>(report.contactIds());
        this.ownership = customerOwnership;
    }

    /**
     * Logs an activity of a customer owned as {@code customerOwnership}.
     *
     * @param followUpOn when not null, a follow-up task for the next step is due that day for the logger
     * @param loggerOrgPath the logger's org path, for the follow-up task
     */
    static Activity log(String customerId, ActivityReport report, String loggedBy, String loggerOrgPath,
            Ownership customerOwnership, @Nullable LocalDate followUpOn, Instant now) {
        Activity activity = new Activity(customerId, report, loggedBy, customerOwnership, now);
        activity.registerEvent(new ActivityLogged(activity.id, customerId, report.type().name(), report.occurredAt(),
                loggedBy, report.durationMinutes() == null ? 0 : report.durationMinutes(),
                report.outcome() == null ? "" : report.outcome(), now, customerOwnership.ownerId(),
                customerOwnership.orgPath()));
        if (followUpOn != null && report.nextStep() != null) {
            activity.followUpTaskId = UUID.randomUUID().toString();
            activity.registerEvent(new FollowUpRequested(activity.followUpTaskId, activity.id, customerId,
                    abbreviate(report.nextStep(), 200),
                    "Follow-up of the " + report.type().name().toLowerCase(java.util.Locale.ROOT) + " \""
                            + abbreviate(report.subject(), 150) + "\" of " + report.occurredAt() + ": "
                            + abbreviate(report.nextStep(), 1500),
                    followUpOn, loggedBy, loggerOrgPath, now));
        }
        return activity;
    }

    /** The events raised and not yet published (they are published when it is saved). */
    java.util.List<Object> raisedEvents() {
        return java.util.List.copyOf(domainEvents());
    }

    /** Whether {@code userId} may still correct it at {@code now}: the author, on the day it was logged. */
    boolean correctableBy(String userId, Instant now, ZoneId zone) {
        return loggedBy.equals(userId) && isSameDay(now, zone);
    }

    boolean isSameDay(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(loggedAt, zone).equals(LocalDate.ofInstant(now, zone));
    }

    /** Corrects the texts; null leaves a text, an empty one removes an optional text. */
    void correct(@Nullable String newSubject, @Nullable String newDetails, @Nullable String newNextStep,
            @Nullable String newLocation, @Nullable String newPurpose, Instant now) {
        if (newSubject != null) {
            this.subject = newSubject;
        }
        this.details = replace(details, newDetails);
        this.nextStep = replace(nextStep, newNextStep);
        this.location = replace(location, newLocation);
        this.purpose = replace(purpose, newPurpose);
        this.correctedAt = now;
    }

    /** Re-points it to the customer its own customer was merged into; ownership stays as logged. */
    void moveTo(String survivingCustomerId) {
        this.customerId = survivingCustomerId;
    }

    private static @Nullable String replace(@Nullable String current, @Nullable String given) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public ActivityType type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String loggedBy() {
        return loggedBy;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    public String subject() {
        return subject;
    }

    public @Nullable String details() {
        return details;
    }

    public @Nullable String outcome() {
        return outcome;
    }

    public @Nullable String nextStep() {
        return nextStep;
    }

    public @Nullable Integer durationMinutes() {
        return durationMinutes;
    }

    public @Nullable String location() {
        return location;
    }

    public @Nullable String purpose() {
        return purpose;
    }

    /** The follow-up task created with it, if it asked for one. */
    public @Nullable String followUpTaskId() {
        return followUpTaskId;
    }

    public @Nullable Instant correctedAt() {
        return correctedAt;
    }

    public Set<String> contactIds() {
        return Set.copyOf(contactIds);
    }

    public Ownership ownership() {
        return ownership;
    }

    public long version() {
        return version;
    }
}
