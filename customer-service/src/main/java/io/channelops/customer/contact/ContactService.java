package io.channelops.customer.contact;

import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.history.RevisionHistory;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of contacts; each one transaction. A contact is reached through its customer: the customer must be
 * visible to the caller ({@link CustomerService#get}, 404 otherwise) and the contact must belong to it (404
 * otherwise). Changing which contact is primary locks the customer's row first, so concurrent changes of the
 * primary contact of one customer run one after the other and exactly zero or one contact stays primary.
 */
@Service
public class ContactService {

    /** Birthdays before this day are taken for typing errors. */
    static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    private final Contacts contacts;
    private final CustomerService customers;
    private final JdbcTemplate jdbc;
    private final DataScope scope;
    private final Clock clock;
    private final RevisionHistory history;

    public ContactService(Contacts contacts, CustomerService customers, JdbcTemplate jdbc, DataScope scope,
            Clock clock, RevisionHistory history) {
        this.contacts = contacts;
        this.customers = customers;
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
        this.history = history;
    }

    /** A new contact and whether it becomes the customer's primary contact. */
    public record NewContact(ContactDetails details, boolean primary) {
    }

    /**
     * What a client changes: a non-null field replaces the current value, a field named in {@code clear} is
     * removed, everything else stays as it is. A field may not be both set and cleared.
     */
    public record Change(@Nullable String name, @Nullable String title, @Nullable String department,
            @Nullable DealRole role, @Nullable List<ContactPhone> phones, @Nullable String email,
            @Nullable LocalDate birthday, @Nullable ContactChannel preferredChannel, @Nullable String notes,
            Set<ContactField> clear) {

        public Change {
            clear = clear.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(clear));
        }

        /** The fields both set and cleared: a contradiction the client must resolve. */
        Set<ContactField> contradictions() {
            EnumSet<ContactField> set = EnumSet.noneOf(ContactField.class);
            if (title != null) {
                set.add(ContactField.TITLE);
            }
            if (department != null) {
                set.add(ContactField.DEPARTMENT);
            }
            if (role != null) {
                set.add(ContactField.ROLE);
            }
            if (phones != null) {
                set.add(ContactField.PHONES);
            }
            if (email != null) {
                set.add(ContactField.EMAIL);
            }
            if (birthday != null) {
                set.add(ContactField.BIRTHDAY);
            }
            if (preferredChannel != null) {
                set.add(ContactField.PREFERRED_CHANNEL);
            }
            if (notes != null) {
                set.add(ContactField.NOTES);
            }
            set.retainAll(clear);
            return set;
        }

        ContactDetails applyTo(ContactDetails current) {
            return new ContactDetails(name != null ? name : current.name(),
                    pick(ContactField.TITLE, title, current.title()),
                    pick(ContactField.DEPARTMENT, department, current.department()),
                    pick(ContactField.ROLE, role, current.role()),
                    clear.contains(ContactField.PHONES) ? List.of() : phones != null ? phones : current.phones(),
                    pick(ContactField.EMAIL, email, current.email()),
                    pick(ContactField.BIRTHDAY, birthday, current.birthday()),
                    pick(ContactField.PREFERRED_CHANNEL, preferredChannel, current.preferredChannel()),
                    pick(ContactField.NOTES, notes, current.notes()));
        }

        private <T> @Nullable T pick(ContactField field, @Nullable T given, @Nullable T current) {
            if (clear.contains(field)) {
                return null;
            }
            return given != null ? given : current;
        }
    }

    /** Adds a contact to a customer the caller sees; as primary, it takes over from the current primary contact. */
    @Transactional
    public Contact add(String customerId, NewContact newContact) {
        if (newContact.primary()) {
            lockCustomer(customerId);
        }
        customers.get(customerId);
        checkBirthday(newContact.details().birthday());
        Instant now = Instant.now(clock);
        Contact contact = Contact.add(customerId, newContact.details(), scope.caller().id(), now);
        if (newContact.primary()) {
            unsetPrimaryOf(customerId, contact.id(), now);
            contact.makePrimary(now);
        }
        return contacts.saveAndFlush(contact);
    }

    /** A contact of a customer the caller sees; 404 when either is unknown, out of scope, or they don't belong. */
    @Transactional(readOnly = true)
    public Contact get(String customerId, String contactId) {
        customers.get(customerId);
        return contacts.findByIdAndCustomerId(contactId, customerId)
                .orElseThrow(() -> ApiProblem.notFound("contact", contactId));
    }

    /** The change history of a contact of a customer the caller sees, newest first. */
    @Transactional(readOnly = true)
    public Page<RevisionHistory.Entry> history(String customerId, String contactId, Pageable pageable) {
        get(customerId, contactId);
        return history.of(Contact.class, contactId, pageable, Set.of());
    }

    /** The contacts of a customer the caller sees. */
    @Transactional(readOnly = true)
    public Page<Contact> list(String customerId, Pageable pageable) {
        customers.get(customerId);
        return contacts.findByCustomerId(customerId, pageable);
    }

    @Transactional
    public Contact change(String customerId, String contactId, @Nullable String ifMatch, Change change) {
        Contact contact = get(customerId, contactId);
        ETags.requireMatch(ifMatch, contact.version(), "contact", contactId);
        Set<ContactField> contradictions = change.contradictions();
        if (!contradictions.isEmpty()) {
            String names = String.join(", ", contradictions.stream().map(ContactField::wireName).toList());
            throw ApiProblem.badRequest("FIELD_SET_AND_CLEARED",
                    "These fields are both given and listed in clear: " + names, names);
        }
        checkBirthday(change.birthday());
        ContactDetails changed = change.applyTo(contact.details());
        if (!changed.equals(contact.details())) {
            contact.update(changed, Instant.now(clock));
        }
        return contacts.saveAndFlush(contact);
    }

    /** Deletes a contact; a primary contact leaves its customer without one. {@code If-Match} is checked if sent. */
    @Transactional
    public void delete(String customerId, String contactId, @Nullable String ifMatch) {
        Contact contact = get(customerId, contactId);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, contact.version(), "contact", contactId);
        }
        contacts.delete(contact);
        contacts.flush();
    }

    /**
     * Makes the contact its customer's primary contact and the previous one an ordinary contact, in one
     * transaction. {@code If-Match} is checked if sent. Making the primary contact primary again changes nothing.
     */
    @Transactional
    public Contact makePrimary(String customerId, String contactId, @Nullable String ifMatch) {
        lockCustomer(customerId);
        Contact contact = get(customerId, contactId);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, contact.version(), "contact", contactId);
        }
        if (contact.primary()) {
            return contact;
        }
        Instant now = Instant.now(clock);
        unsetPrimaryOf(customerId, contactId, now);
        contact.makePrimary(now);
        return contacts.saveAndFlush(contact);
    }

    /** Whether every one of {@code contactIds} is a contact of the customer (no scope check: resolve it first). */
    @Transactional(readOnly = true)
    public boolean allBelongTo(String customerId, Collection<String> contactIds) {
        Set<String> distinct = Set.copyOf(contactIds);
        return distinct.isEmpty() || contacts.countOfCustomer(customerId, distinct) == distinct.size();
    }

    /** The customer's primary contact, if it has one (no scope check: resolve the customer first). */
    @Transactional(readOnly = true)
    public Optional<Contact> primaryOf(String customerId) {
        return contacts.findByCustomerIdAndPrimaryTrue(customerId);
    }

    /**
     * Moves the contacts of a merged customer to the surviving one. The merged customer's primary contact stays
     * primary only if the survivor has none. Runs in the merge's transaction.
     */
    @Transactional
    public int moveAll(String mergedCustomerId, String survivingCustomerId) {
        if (mergedCustomerId.equals(survivingCustomerId)) {
            return 0;
        }
        boolean survivorHasPrimary = contacts.findByCustomerIdAndPrimaryTrue(survivingCustomerId).isPresent();
        Instant now = Instant.now(clock);
        List<Contact> moving = contacts.findByCustomerId(mergedCustomerId);
        moving.forEach(contact -> contact.moveTo(survivingCustomerId, !survivorHasPrimary, now));
        contacts.saveAllAndFlush(moving);
        return moving.size();
    }

    private void unsetPrimaryOf(String customerId, String exceptContactId, Instant now) {
        contacts.findByCustomerIdAndPrimaryTrue(customerId).filter(current -> !current.id().equals(exceptContactId))
                .ifPresent(current -> {
                    current.unsetPrimary(now);
                    contacts.saveAndFlush(current);
                });
    }

    /**
     * Serializes changes of one customer's primary contact: the row lock is held to the end of the transaction. Taken
     * before anything is read in the transaction, so what it reads then (its snapshot) includes every change committed
     * by an earlier holder of the lock.
     */
    private void lockCustomer(String customerId) {
        jdbc.query("SELECT id FROM customers WHERE id = ? FOR UPDATE", rs -> { }, customerId);
    }

    private static void checkBirthday(@Nullable LocalDate birthday) {
        if (birthday != null && birthday.isBefore(EARLIEST_BIRTHDAY)) {
            throw ApiProblem.unprocessable("BIRTHDAY_OUT_OF_RANGE",
                    "A birthday before " + EARLIEST_BIRTHDAY + " is not plausible", birthday, EARLIEST_BIRTHDAY);
        }
    }
}
