package io.channelops.customer.customer;

import io.channelops.events.customer.CustomerChanged;
import io.channelops.events.customer.CustomerReassigned;
import io.channelops.events.customer.CustomerRegistered;
import io.channelops.events.customer.CustomersMerged;
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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * A customer account, owned by a user (or integration client) in an org unit: its {@link Ownership} decides who sees
 * it (data scope) and is set by the server, never by a request. Raises {@link CustomerRegistered} when it is
 * created, {@link CustomerChanged} when a change alters anything, {@link CustomersMerged} when it absorbs a
 * duplicate; {@link #reassign} hands it to another owner. Every change is kept as a revision (Hibernate Envers), but
 * for the last-activity and last-order times, which other features keep up to date and which are not history.
 */
@Entity
@Table(name = "customers")
@Audited
public class Customer extends AggregateRoot<Customer> {

    /**
     * The reserved owner id of customers in the open pool of an org unit: such a customer's {@code org_path} names
     * the unit whose pool it is in.
     */
    public static final String OPEN_POOL = "pool";

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "legal_name")
    private @Nullable String legalName;

    @Column(name = "tax_id")
    private @Nullable String taxId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerType type;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    private @Nullable String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerLevel level = CustomerLevel.NORMAL;

    private @Nullable String grade;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerStatus status = CustomerStatus.PROSPECT;

    private @Nullable String industry;

    @Column(name = "company_size")
    private @Nullable String companySize;

    @Column(name = "route_code")
    private @Nullable String routeCode;

    @Column(name = "route_stop")
    private @Nullable Integer routeStop;

    private @Nullable String city;

    private @Nullable String website;

    @Column(name = "established_date")
    private @Nullable LocalDate establishedDate;

    /** The parent in the relationship tree (distributor → dealer → outlet); referenced by id. */
    @Column(name = "parent_id")
    private @Nullable String parentId;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "customer_phones", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "sort_order")
    private List<Phone> phones = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "customer_addresses", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "sort_order")
    private List<Address> addresses = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "customer_tags", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag", nullable = false, length = 40)
    private Set<String> tags = new HashSet<>();

    /** Custom attributes: definition key → value in its canonical text (validated against the definitions). */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "customer_attributes", joinColumns = @JoinColumn(name = "customer_id"))
    @MapKeyColumn(name = "attr_key", length = 64)
    @Column(name = "attr_value", nullable = false, length = 500)
    private Map<String, String> attributes = new HashMap<>();

    /** Normalized keys of the duplicate rules ({@link DuplicateKeys}); derived, so not history of their own. */
    @NotAudited
    @Column(name = "tax_id_key")
    private @Nullable String taxIdKey;

    @NotAudited
    @Column(name = "name_key")
    private @Nullable String nameKey;

    @NotAudited
    @Column(name = "city_key")
    private @Nullable String cityKey;

    /** Kept by the activities feature's ActivityLogged (in SQL, without a revision); never written from here. */
    @NotAudited
    @Column(name = "last_activity_at", insertable = false, updatable = false)
    private @Nullable Instant lastActivityAt;

    /**
     * Kept by the 360 summary's consumer of OrderApproved with SQL, never written from here: a customer saved while
     * an order is approved or a merge is folded must not put back the value it was loaded with.
     */
    @NotAudited
    @Column(name = "last_order_at", insertable = false, updatable = false)
    private @Nullable Instant lastOrderAt;

    @Embedded
    private Ownership ownership;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @NotAudited
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
        // for JPA
        this.id = "";
        this.code = "";
        this.name = "";
        this.type = CustomerType.DIRECT;
        this.regionCode = "";
        this.ownership = new Ownership("system", "/hq");
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Customer(String code, CustomerProfile profile, @Nullable String parentId, Ownership ownership,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.code = code;
        this.name = profile.name();
        this.type = profile.type();
        this.regionCode = profile.regionCode();
        this.ownership = ownership;
        this.parentId = parentId;
        this.createdAt = now;
        this.updatedAt = now;
        apply(profile);
    }

    static Customer register(String code, CustomerProfile profile, @Nullable String parentId, Ownership ownership,
            Instant now) {
        Customer customer = new Customer(code, profile, parentId, ownership, now);
        customer.registerEvent(new CustomerRegistered(customer.id, code, customer.name, customer.type.name(),
                customer.regionCode, now, ownership.ownerId(), ownership.orgPath(), customer.level.name(),
                customer.status.name()));
        return customer;
    }

    /** Everything a client may set, as it is now. */
    public CustomerProfile profile() {
        return new CustomerProfile(name, legalName, taxId, type, level, grade, status, industry, companySize,
                regionCode,
                routeCode, routeStop, city, email, website, establishedDate, phones, addresses, tags, attributes);
    }

    /**
     * Takes the new profile and parent; raises {@link CustomerChanged} naming the fields that changed (API names), if
     * any did.
     *
     * @return the names of the fields that changed, empty when nothing did
     */
    List<String> update(CustomerProfile profile, @Nullable String newParentId, Instant now) {
        List<String> changed = changes(profile(), profile);
        if (!Objects.equals(parentId, newParentId)) {
            changed.add("parentId");
        }
        if (!changed.isEmpty()) {
            apply(profile);
            this.parentId = newParentId;
            this.updatedAt = now;
            registerEvent(new CustomerChanged(id, List.copyOf(changed), code, name, type.name(), level.name(),
                    status.name(), regionCode, now, ownership.ownerId(), ownership.orgPath()));
        }
        return changed;
    }

    /**
     * Takes in a duplicate (its profile {@code theirs}): this customer's fields win, the empty ones are filled from
     * it; phones (by
     * normalized number), addresses (by place) and tags are united; attributes this customer lacks are taken over.
     * Raises {@link CustomersMerged}. {@code parentId} is decided by the caller (the tree rules apply).
     */
    void absorb(String mergedId, String mergedCode, CustomerProfile theirs, @Nullable String newParentId,
            String mergedBy, Instant now) {
        CustomerProfile mine = profile();
        List<Phone> unitedPhones = new ArrayList<>(mine.phones());
        Set<String> numbers = new HashSet<>();
        mine.phones().forEach(phone -> numbers.add(phone.normalized()));
        theirs.phones().stream().filter(phone -> numbers.add(phone.normalized())).forEach(unitedPhones::add);
        List<Address> unitedAddresses = new ArrayList<>(mine.addresses());
        Set<AddressKind> defaults = new HashSet<>();
        mine.addresses().stream().filter(Address::isDefault).forEach(address -> defaults.add(address.kind()));
        for (Address address : theirs.addresses()) {
            if (unitedAddresses.stream().noneMatch(address::samePlace)) {
                unitedAddresses.add(address.isDefault() && !defaults.add(address.kind()) ? address.notDefault()
                        : address);
            }
        }
        Set<String> unitedTags = new LinkedHashSet<>(mine.tags());
        unitedTags.addAll(theirs.tags());
        Map<String, String> unitedAttributes = new LinkedHashMap<>(theirs.attributes());
        unitedAttributes.putAll(mine.attributes());
        CustomerProfile united = new CustomerProfile(mine.name(), or(mine.legalName(), theirs.legalName()),
                or(mine.taxId(), theirs.taxId()), mine.type(), mine.level(), or(mine.grade(), theirs.grade()),
                mine.status(), or(mine.industry(), theirs.industry()), or(mine.companySize(), theirs.companySize()),
                mine.regionCode(), mine.routeCode() == null ? theirs.routeCode() : mine.routeCode(),
                mine.routeCode() == null ? theirs.routeStop() : mine.routeStop(), or(mine.city(), theirs.city()),
                or(mine.email(), theirs.email()), or(mine.website(), theirs.website()),
                or(mine.establishedDate(), theirs.establishedDate()), unitedPhones, unitedAddresses, unitedTags,
                unitedAttributes);
        update(united, newParentId, now);
        registerEvent(new CustomersMerged(id, mergedId, mergedCode, mergedBy, now, ownership.ownerId(),
                ownership.orgPath()));
    }

    /** Forgets the merged-away customer's tax id before it is deleted, so its survivor can take it over. */
    void releaseTaxId() {
        this.taxId = null;
        this.taxIdKey = null;
    }

    /**
     * Hands the customer to a new owner (and the org unit they work in), or to the open pool of an org unit (owner
     * {@link #OPEN_POOL}); raises {@link CustomerReassigned}.
     */
    public void reassign(Ownership newOwnership, String reason, String reassignedBy, Instant now) {
        Ownership from = this.ownership;
        this.ownership = newOwnership;
        this.updatedAt = now;
        registerEvent(new CustomerReassigned(id, from.ownerId(), from.orgPath(), newOwnership.ownerId(),
                newOwnership.orgPath(), OPEN_POOL.equals(newOwnership.ownerId()), reason, reassignedBy, now));
    }

    /** True while the customer waits in the open pool of its org unit. */
    public boolean inOpenPool() {
        return OPEN_POOL.equals(ownership.ownerId());
    }

    private void apply(CustomerProfile profile) {
        this.name = profile.name();
        this.legalName = profile.legalName();
        this.taxId = profile.taxId();
        this.type = profile.type();
        this.level = profile.level();
        this.grade = profile.grade();
        this.status = profile.status();
        this.industry = profile.industry();
        this.companySize = profile.companySize();
        this.regionCode = profile.regionCode();
        this.routeCode = profile.routeCode();
        this.routeStop = profile.routeStop();
        this.city = profile.city();
        this.email = profile.email();
        this.website = profile.website();
        this.establishedDate = profile.establishedDate();
        replace(phones, profile.phones());
        replace(addresses, profile.addresses());
        if (!tags.equals(profile.tags())) {
            tags.clear();
            tags.addAll(profile.tags());
        }
        if (!attributes.equals(profile.attributes())) {
            attributes.clear();
            attributes.putAll(profile.attributes());
        }
        this.taxIdKey = DuplicateKeys.taxId(taxId);
        this.nameKey = DuplicateKeys.text(name);
        this.cityKey = DuplicateKeys.text(city);
    }

    private static <T> void replace(List<T> current, List<T> wanted) {
        if (!current.equals(wanted)) {
            current.clear();
            current.addAll(wanted);
        }
    }

    /** Names of the profile's fields whose values differ, in the profile's order. */
    static List<String> changes(CustomerProfile before, CustomerProfile after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : CustomerProfile.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    private static <T> @Nullable T or(@Nullable T mine, @Nullable T theirs) {
        return mine == null ? theirs : mine;
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public @Nullable String legalName() {
        return legalName;
    }

    public @Nullable String taxId() {
        return taxId;
    }

    public CustomerType type() {
        return type;
    }

    public String regionCode() {
        return regionCode;
    }

    public @Nullable String email() {
        return email;
    }

    public CustomerLevel level() {
        return level;
    }

    public @Nullable String grade() {
        return grade;
    }

    public CustomerStatus status() {
        return status;
    }

    public @Nullable String industry() {
        return industry;
    }

    public @Nullable String companySize() {
        return companySize;
    }

    public @Nullable String routeCode() {
        return routeCode;
    }

    public @Nullable Integer routeStop() {
        return routeStop;
    }

    public @Nullable String city() {
        return city;
    }

    public @Nullable String website() {
        return website;
    }

    public @Nullable LocalDate establishedDate() {
        return establishedDate;
    }

    public @Nullable String parentId() {
        return parentId;
    }

    public List<Phone> phones() {
        return List.copyOf(phones);
    }

    public List<Address> addresses() {
        return List.copyOf(addresses);
    }

    public Set<String> tags() {
        return Set.copyOf(tags);
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    /** When the last visit, call, e-mail, meeting or note was logged; null when none was. */
    public @Nullable Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** When the customer's last order was approved; null when it has none. */
    public @Nullable Instant lastOrderAt() {
        return lastOrderAt;
    }

    public Ownership ownership() {
        return ownership;
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
