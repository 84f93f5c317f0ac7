package io.channelops.customer.contact;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * A person at a customer: name, title, department, role in the deal, phones, e-mail, birthday, preferred channel
 * and notes. Belongs to one customer (by id) and is visible exactly when that customer is, so it carries no
 * ownership of its own. At most one contact of a customer is its primary contact; {@link ContactService} keeps
 * that so (and the table's unique index {@code uk_contacts_one_primary} guarantees it). Every change is kept as a
 * revision (Hibernate Envers), readable as the contact's history.
 */
@Entity
@Table(name = "contacts")
@Audited
public class Contact extends AggregateRoot<Contact> {

    public static final int MAX_PHONES = 10;

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(nullable = false)
    private String name;

    private @Nullable String title;

    private @Nullable String department;

    @Enumerated(EnumType.STRING)
    @Column(name = "deal_role")
    private @Nullable DealRole role;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_phones", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<ContactPhone> phones;

    private @Nullable String email;

    private @Nullable LocalDate birthday;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    private @Nullable ContactChannel preferredChannel;

    private @Nullable String notes;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The revision's own time is the history's "when"; not a change of its own. */
    @NotAudited
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
        // for JPA
        this.id = "";
        this.customerId = "";
        this.name = "";
        this.phones = new ArrayList<>();
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Contact(String customerId, ContactDetails details, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.name = details.name();
        this.phones = new ArrayList<>();
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        apply(details);
    }

    /** A new, not primary contact of the customer. */
    static Contact add(String customerId, ContactDetails details, String createdBy, Instant now) {
        return new Contact(customerId, details, createdBy, now);
    }

    /** Replaces every field a client may set. */
    void update(ContactDetails details, Instant now) {
        apply(details);
        this.updatedAt = now;
    }

    private void apply(ContactDetails details) {
        if (details.phones().size() > MAX_PHONES) {
            throw new IllegalArgumentException("A contact has at most " + MAX_PHONES + " phones");
        }
        this.name = details.name();
        this.title = details.title();
        this.department = details.department();
        this.role = details.role();
        if (!phones.equals(details.phones())) {
            this.phones.clear();
            this.phones.addAll(details.phones());
        }
        this.email = details.email();
        this.birthday = details.birthday();
        this.preferredChannel = details.preferredChannel();
        this.notes = details.notes();
    }

    /** Makes this the customer's primary contact; the caller has unset the previous one. */
    void makePrimary(Instant now) {
        if (!primary) {
            this.primary = true;
            this.updatedAt = now;
        }
    }

    void unsetPrimary(Instant now) {
        if (primary) {
            this.primary = false;
            this.updatedAt = now;
        }
    }

    /** Moves the contact to the customer another one was merged into; it stays primary only if allowed to. */
    void moveTo(String survivingCustomerId, boolean mayStayPrimary, Instant now) {
        this.customerId = survivingCustomerId;
        if (!mayStayPrimary) {
            this.primary = false;
        }
        this.updatedAt = now;
    }

    public ContactDetails details() {
        return new ContactDetails(name, title, department, role, phones, email, birthday, preferredChannel, notes);
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

    public String name() {
        return name;
    }

    public @Nullable String title() {
        return title;
    }

    public @Nullable String department() {
        return department;
    }

    public @Nullable DealRole role() {
        return role;
    }

    public List<ContactPhone> phones() {
        return List.copyOf(phones);
    }

    public @Nullable String email() {
        return email;
    }

    public @Nullable LocalDate birthday() {
        return birthday;
    }

    public @Nullable ContactChannel preferredChannel() {
        return preferredChannel;
    }

    public @Nullable String notes() {
        return notes;
    }

    public boolean primary() {
        return primary;
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

    public long version() {
        return version;
    }
}
