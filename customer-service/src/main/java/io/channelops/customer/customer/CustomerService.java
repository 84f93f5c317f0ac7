package io.channelops.customer.customer;

import io.channelops.customer.attribute.AttributeDefinition;
import io.channelops.customer.attribute.AttributeService;
import io.channelops.customer.history.RevisionHistory;
import io.channelops.customer.problem.DetailedProblem;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.FieldProblem;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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
    /** Most customers a phone lookup answers with. */
    static final int LOOKUP_LIMIT = 20;

    private final Customers customers;
    private final CustomerAssignments assignments;
    private final Duplicates duplicates;
    private final CustomerTrees trees;
    private final CustomerQueries queries;
    private final AttributeService attributes;
    private final RevisionHistory history;
    private final ArchiveProperties properties;
    private final JdbcTemplate jdbc;
    private final DataScope scope;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CustomerService(Customers customers, CustomerAssignments assignments, Duplicates duplicates,
            CustomerTrees trees, CustomerQueries queries, AttributeService attributes, RevisionHistory history,
            ArchiveProperties properties, JdbcTemplate jdbc, DataScope scope, Clock clock) {
        this.customers = customers;
        this.assignments = assignments;
        this.duplicates = duplicates;
        this.trees = trees;
        this.queries = queries;
        this.attributes = attributes;
        this.history = history;
        this.properties = properties;
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    /** A phone number as a client writes it. */
    public record PhoneInput(String number, @Nullable String label) {
    }

    /**
     * What a client may set when registering a customer. Level defaults to NORMAL, status to PROSPECT; attribute
     * values are JSON values (text, number, boolean) checked against the definitions.
     */
    public record Registration(@Nullable String code, String name, CustomerType type, String regionCode,
            @Nullable String email, @Nullable String legalName, @Nullable String taxId, @Nullable CustomerLevel level,
            @Nullable String grade, @Nullable CustomerStatus status, @Nullable String industry,
            @Nullable String companySize,
            @Nullable String routeCode, @Nullable Integer routeStop, @Nullable String city, @Nullable String website,
            @Nullable LocalDate establishedDate, List<PhoneInput> phones, List<Address> addresses, Set<String> tags,
            Map<String, @Nullable Object> attributes, @Nullable String parentId) {

        public Registration {
            phones = List.copyOf(phones);
            addresses = List.copyOf(addresses);
            tags = Set.copyOf(tags);
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /** Only the basic fields. */
        public Registration(@Nullable String code, String name, CustomerType type, String regionCode,
                @Nullable String email) {
            this(code, name, type, regionCode, email, null, null, null, null, null, null, null, null, null, null, null,
                    null, List.of(), List.of(), Set.of(), Map.of(), null);
        }
    }

    /**
     * What a client may change; null leaves a field as it is. An empty text removes an optional field (and an empty
     * {@code routeCode} the route stop with it; an empty {@code parentId} the parent). Lists and tags replace the
     * old ones whole; {@code attributes} change key by key (a null value removes the key).
     */
    public record Change(@Nullable String name, @Nullable String email, @Nullable String legalName,
            @Nullable String taxId, @Nullable CustomerType type, @Nullable CustomerLevel level, @Nullable String grade,
            @Nullable CustomerStatus status, @Nullable String industry, @Nullable String companySize,
            @Nullable String regionCode, @Nullable String routeCode, @Nullable Integer routeStop,
            @Nullable String city, @Nullable String website, @Nullable String establishedDate,
            @Nullable List<PhoneInput> phones, @Nullable List<Address> addresses, @Nullable Set<String> tags,
            @Nullable Map<String, @Nullable Object> attributes, @Nullable String parentId) {

        /** Only name and email. */
        public Change(@Nullable String name, @Nullable String email) {
            this(name, email, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
    }

    /** A reassignment: the new owner's user id and why. */
    public record Assignment(String ownerId, String reason) {
    }

    /** Filters of the customer list; kept for callers that filter by type, region and text only. */
    public record Filter(@Nullable CustomerType type, @Nullable String regionCode, @Nullable String text) {

        public CustomerFilter toCustomerFilter() {
            return CustomerFilter.of(type, regionCode, text);
        }
    }

    /**
     * Registers a customer owned by the caller. Refused with 409 {@code CUSTOMER_CODE_TAKEN} for a code in use, 409
     * {@code DUPLICATE_CUSTOMER} ({@link DuplicateCustomerException}) when it duplicates any existing customer, 422
     * {@code INVALID_ATTRIBUTES} for attribute values that do not fit their definitions, 422 {@code UNKNOWN_PARENT}
     * for a parent the caller cannot see.
     */
    @Transactional
    public Customer register(Registration registration) {
        String code = registration.code() == null ? newCode() : registration.code().toUpperCase(Locale.ROOT);
        if (customers.existsByCode(code)) {
            throw ApiProblem.conflict("CUSTOMER_CODE_TAKEN", "Customer code " + code + " is already in use", code);
        }
        CustomerProfile profile = new CustomerProfile(registration.name().strip(), text(registration.legalName()),
                text(registration.taxId()), registration.type(),
                Objects.requireNonNullElse(registration.level(), CustomerLevel.NORMAL), text(registration.grade()),
                Objects.requireNonNullElse(registration.status(), CustomerStatus.PROSPECT),
                text(registration.industry()), text(registration.companySize()),
                registration.regionCode().strip().toUpperCase(Locale.ROOT),
                upper(text(registration.routeCode())),
                text(registration.routeCode()) == null ? null : registration.routeStop(), text(registration.city()),
                text(registration.email()), text(registration.website()), registration.establishedDate(),
                phones(registration.phones()), addresses(registration.addresses()), tags(registration.tags()),
                attributes.apply(Map.of(), registration.attributes(), true));
        rejectDuplicate(profile, null);
        String parentId = text(registration.parentId());
        if (parentId != null) {
            visibleParent(parentId);
            int levels = trees.chainUpLocked(parentId).size() + 1;
            if (levels > trees.maxDepth()) {
                throw trees.tooDeep(levels);
            }
        }
        Customer customer = Customer.register(code, profile, parentId, scope.forNewRecord(), now());
        return customers.save(customer);
    }

    /** The customer an import or a client would duplicate by registering this, if any (all customers). */
    @Transactional(readOnly = true)
    public Optional<Duplicates.Match> findDuplicate(Registration registration) {
        return duplicates.find(DuplicateKeys.taxId(registration.taxId()),
                phones(registration.phones()).stream().map(Phone::normalized).toList(),
                DuplicateKeys.text(registration.name()), DuplicateKeys.text(registration.city()), null);
    }

    /**
     * The customer if the caller may see it; 404 when it does not exist or lies outside the caller's scope. A
     * customer merged into another answers 404 {@code CUSTOMER_MERGED} with {@code mergedInto} (the survivor's id)
     * when the caller may see the survivor.
     */
    @Transactional(readOnly = true)
    public Customer get(String id) {
        Optional<Customer> found = customers.findById(id);
        if (found.isEmpty()) {
            List<String> survivors = jdbc.queryForList(
                    "SELECT surviving_customer_id FROM customer_merges WHERE merged_customer_id = ?", String.class,
                    id);
            for (String survivor : survivors) {
                if (customers.findById(survivor).filter(c -> scope.permits(c.ownership())).isPresent()) {
                    throw new DetailedProblem(HttpStatus.NOT_FOUND, "CUSTOMER_MERGED", "Customer " + id
                            + " was merged into customer " + survivor, List.of(), Map.of("mergedInto", survivor));
                }
            }
        }
        return scope.visible(found, Customer::ownership, "customer", id);
    }

    /**
     * Changes a customer the caller sees. Raises {@code CustomerChanged} when anything changed (nothing, not even the
     * version, changes otherwise). Refused like {@link #register} for duplicates and attributes, and with 422
     * {@code CUSTOMER_TREE_CYCLE} / {@code CUSTOMER_TREE_TOO_DEEP} for a parent that breaks the tree.
     */
    @Transactional
    public Customer change(String id, @Nullable String ifMatch, Change change) {
        Customer customer = get(id);
        ETags.requireMatch(ifMatch, customer.version(), "customer", id);
        CustomerProfile now = customer.profile();
        String routeCode = change.routeCode() == null ? now.routeCode() : upper(text(change.routeCode()));
        CustomerProfile wanted = new CustomerProfile(
                change.name() == null ? now.name() : change.name().strip(),
                keep(change.legalName(), now.legalName()), keep(change.taxId(), now.taxId()),
                change.type() == null ? now.type() : change.type(),
                change.level() == null ? now.level() : change.level(), keep(change.grade(), now.grade()),
                change.status() == null ? now.status() : change.status(),
                keep(change.industry(), now.industry()), keep(change.companySize(), now.companySize()),
                change.regionCode() == null ? now.regionCode() : change.regionCode().strip().toUpperCase(Locale.ROOT),
                routeCode,
                routeCode == null ? null : change.routeStop() == null ? now.routeStop() : change.routeStop(),
                keep(change.city(), now.city()), keep(change.email(), now.email()),
                keep(change.website(), now.website()),
                change.establishedDate() == null ? now.establishedDate() : date(change.establishedDate()),
                change.phones() == null ? now.phones() : phones(change.phones()),
                change.addresses() == null ? now.addresses() : addresses(change.addresses()),
                change.tags() == null ? now.tags() : tags(change.tags()),
                change.attributes() == null ? now.attributes()
                        : attributes.apply(now.attributes(), change.attributes(), true));
        String parentId = change.parentId() == null ? customer.parentId() : text(change.parentId());
        List<String> changed = Customer.changes(now, wanted);
        if (changed.stream().anyMatch(Set.of("taxId", "phones", "name", "city")::contains)) {
            rejectDuplicate(wanted, id);
        }
        if (parentId != null && !parentId.equals(customer.parentId())) {
            visibleParent(parentId);
            trees.checkParent(id, parentId);
        }
        if (customer.update(wanted, parentId, now()).isEmpty()) {
            return customer;
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
        Instant now = now();
        customer.reassign(to, assignment.reason().strip(), scope.caller().id(), now);
        assignments.save(new CustomerAssignment(id, from, to, assignment.reason().strip(), scope.caller().id(),
                now));
        return customers.saveAndFlush(customer);
    }

    /** The customers the caller sees that match the filter. */
    @Transactional(readOnly = true)
    public Page<Customer> search(Filter filter, Pageable pageable) {
        return search(filter.toCustomerFilter(), pageable);
    }

    /** The customers the caller sees that match the filter, one page in the pageable's order (then by id). */
    @Transactional(readOnly = true)
    public Page<Customer> search(CustomerFilter filter, Pageable pageable) {
        CustomerFilter canonical = canonical(filter);
        long total = queries.count(canonical);
        if (total == 0 || pageable.getOffset() >= total) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        List<String> ids = queries.ids(canonical, pageable.getSort(), pageable.getOffset(), pageable.getPageSize());
        Map<String, Customer> byId = new HashMap<>();
        customers.findAllById(ids).forEach(customer -> byId.put(customer.id(), customer));
        List<Customer> page = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new PageImpl<>(page, pageable, total);
    }

    /** A customer found by phone number, with the number as it was entered. */
    public record PhoneMatch(String id, String code, String name, String ownerId, CustomerStatus status,
            CustomerLevel level, String matchedPhone) {
    }

    /**
     * The customers in the caller's scope having this phone number in any written form (compared normalized; at
     * most {@value #LOOKUP_LIMIT}), ordered by code; 400 {@code INVALID_PARAMETER} for text that is no phone number.
     *
     * @return the normalized number and the matches
     */
    @Transactional(readOnly = true)
    public Map.Entry<String, List<PhoneMatch>> lookupByPhone(String phone) {
        String normalized = PhoneNumbers.normalize(phone, properties.defaultCountryCode()).orElseThrow(
                () -> ApiProblem.badRequest("INVALID_PARAMETER", "Parameter 'phone' is not a phone number", "phone"));
        List<PhoneMatch> matches = queries.byPhone(normalized, LOOKUP_LIMIT).stream()
                .map(m -> new PhoneMatch(m.id(), m.code(), m.name(), m.ownerId(), m.status(), m.level(), m.phone()))
                .toList();
        return Map.entry(normalized, matches);
    }

    /**
     * Writes every customer of the filtered list in the caller's scope, in {@code sort} order, as lines of values:
     * first the header, then one line per customer as the database streams it (no list in memory). Columns: see
     * {@link CustomerExport}.
     */
    @Transactional(readOnly = true)
    public void export(CustomerFilter filter, Sort sort, Consumer<List<? extends @Nullable Object>> lines) {
        CustomerFilter canonical = canonical(filter);
        List<String> keys = attributes.list().stream().map(AttributeDefinition::key).toList();
        lines.accept(CustomerExport.header(keys));
        queries.stream(canonical, sort, keys, properties.exportFetchSize(),
                rs -> lines.accept(CustomerExport.row(rs, keys.size())));
    }

    /** One customer of a relationship tree with the customers below it that the caller may see. */
    public record TreeNode(String id, String code, String name, CustomerType type, CustomerLevel level,
            CustomerStatus status, String ownerId, int depth, int descendants, Map<CustomerType, Integer> byType,
            List<TreeNode> children) {
    }

    /**
     * The subtree below a customer the caller sees (404 otherwise), children nested, each node with the number of
     * its descendants in total and by type. Customers outside the caller's scope are left out, together with their
     * counts; visible customers below them hang from their nearest visible ancestor.
     */
    @Transactional(readOnly = true)
    public TreeNode tree(String id) {
        get(id);
        List<CustomerTrees.Node> nodes = trees.subtree(id);
        Map<String, CustomerTrees.Node> byId = new HashMap<>();
        nodes.forEach(node -> byId.put(node.id(), node));
        Map<String, List<CustomerTrees.Node>> childrenOf = new LinkedHashMap<>();
        for (CustomerTrees.Node node : nodes) {
            if (node.id().equals(id) || !scope.permits(node.ownership())) {
                continue;
            }
            CustomerTrees.Node parent = byId.get(node.parentId());
            while (parent != null && !parent.id().equals(id) && !scope.permits(parent.ownership())) {
                parent = byId.get(parent.parentId());
            }
            if (parent != null) {
                childrenOf.computeIfAbsent(parent.id(), key -> new ArrayList<>()).add(node);
            }
        }
        return node(byId.get(id), childrenOf);
    }

    private static TreeNode node(CustomerTrees.Node node, Map<String, List<CustomerTrees.Node>> childrenOf) {
        List<TreeNode> children = childrenOf.getOrDefault(node.id(), List.of()).stream()
                .map(child -> node(child, childrenOf)).toList();
        Map<CustomerType, Integer> byType = new EnumMap<>(CustomerType.class);
        int descendants = 0;
        for (TreeNode child : children) {
            descendants += 1 + child.descendants();
            byType.merge(child.type(), 1, Integer::sum);
            child.byType().forEach((type, count) -> byType.merge(type, count, Integer::sum));
        }
        return new TreeNode(node.id(), node.code(), node.name(), node.type(), node.level(), node.status(),
                node.ownership().ownerId(), node.depth(), descendants, byType, children);
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}; both must be visible to the caller (404 for the survivor, 422
     * {@code UNKNOWN_MERGED_CUSTOMER} for the other). In one transaction, in this order:
     * <ol>
     *   <li>the tree: the merged customer's children move under the survivor (a survivor that was its child takes
     *       its place; a survivor deeper below it is refused, 422 {@code CUSTOMER_TREE_CYCLE});</li>
     *   <li>the survivor takes the merged customer's data ({@link Customer#absorb}) and is saved, which raises
     *       {@code CustomerChanged} and {@code CustomersMerged}: in-process listeners of other features move their
     *       records (contacts, activities, tasks, cases) to the survivor while the merged row still exists;</li>
     *   <li>the merged customer's reassignment history moves to the survivor, a pointer is kept in
     *       {@code customer_merges} (its id then answers 404 {@code CUSTOMER_MERGED}) and its row is deleted.</li>
     * </ol>
     */
    @Transactional
    public Customer merge(String survivorId, @Nullable String ifMatch, String mergedId, String reason) {
        if (survivorId.equals(mergedId)) {
            throw DetailedProblem.invalidFields("MERGE_SAME_CUSTOMER", "A customer cannot be merged into itself",
                    List.of(new FieldProblem("mergedCustomerId", "is the surviving customer itself")));
        }
        Customer survivor = get(survivorId);
        ETags.requireMatch(ifMatch, survivor.version(), "customer", survivorId);
        Customer merged = customers.findById(mergedId).filter(c -> scope.permits(c.ownership()))
                .orElseThrow(() -> DetailedProblem.invalidFields("UNKNOWN_MERGED_CUSTOMER",
                        "No customer " + mergedId + " that you can see", List.of(new FieldProblem(
                                "mergedCustomerId", "is not a customer you can see"))));
        trees.lock(survivorId);
        trees.lock(mergedId);
        Instant now = now();
        String caller = scope.caller().id();

        // 1. the tree
        List<String> survivorChain = trees.chainUpLocked(survivorId);
        boolean childOfMerged = mergedId.equals(survivor.parentId());
        if (survivorChain.contains(mergedId) && !childOfMerged) {
            throw CustomerTrees.cycle(survivorId, mergedId);
        }
        String parentId = survivor.parentId() == null || childOfMerged ? merged.parentId() : survivor.parentId();
        if (parentId != null && (parentId.equals(survivorId) || trees.chainUpLocked(parentId).contains(survivorId))) {
            parentId = childOfMerged ? null : survivor.parentId();
        }
        int survivorLevel = parentId == null ? 1 : trees.chainUpLocked(parentId).size() + 1;
        for (String childId : trees.children(mergedId)) {
            if (childId.equals(survivorId)) {
                continue;
            }
            int levels = survivorLevel + 1 + trees.height(childId);
            if (levels > trees.maxDepth()) {
                throw trees.tooDeep(levels);
            }
            Customer child = customers.findById(childId).orElseThrow();
            child.update(child.profile(), survivorId, now);
            customers.save(child);
        }
        // 2. the survivor takes the merged customer's data; listeners move their records while both rows exist
        CustomerProfile theirs = merged.profile();
        merged.releaseTaxId();
        customers.saveAndFlush(merged);
        survivor.absorb(merged.id(), merged.code(), theirs, parentId, caller, now);
        Customer saved = customers.saveAndFlush(survivor);
        // 3. history, pointer, and the merged row goes
        jdbc.update("UPDATE customer_assignments SET customer_id = ? WHERE customer_id = ?", survivorId, mergedId);
        jdbc.update("UPDATE customer_merges SET surviving_customer_id = ? WHERE surviving_customer_id = ?",
                survivorId, mergedId);
        jdbc.update("""
                INSERT INTO customer_merges (merged_customer_id, merged_code, surviving_customer_id, reason, merged_by,
                                             merged_at) VALUES (?, ?, ?, ?, ?, ?)""",
                mergedId, merged.code(), survivorId, reason.strip(), caller, Timestamp.from(now));
        customers.delete(merged);
        customers.flush();
        return saved;
    }

    /** A page of a customer's revisions, newest first (404 for a customer the caller cannot see). */
    @Transactional(readOnly = true)
    public Page<RevisionHistory.Entry> history(String id, Pageable pageable) {
        get(id);
        return history.of(Customer.class, id, pageable, Set.of());
    }

    /** Shows stored attribute values typed by their definitions (numbers, booleans, text). */
    @Transactional(readOnly = true)
    public Function<Map<String, String>, Map<String, Object>> attributePresenter() {
        Map<String, AttributeDefinition> definitions = new HashMap<>();
        attributes.list().forEach(definition -> definitions.put(definition.key(), definition));
        return stored -> AttributeService.present(stored, definitions);
    }

    private void rejectDuplicate(CustomerProfile profile, @Nullable String excludedId) {
        duplicates.find(DuplicateKeys.taxId(profile.taxId()), profile.phones().stream().map(Phone::normalized)
                        .toList(), DuplicateKeys.text(profile.name()), DuplicateKeys.text(profile.city()), excludedId)
                .ifPresent(match -> {
                    throw new DuplicateCustomerException(match, scope.permits(match.ownership()));
                });
    }

    private void visibleParent(String parentId) {
        if (customers.findById(parentId).filter(c -> scope.permits(c.ownership())).isEmpty()) {
            throw DetailedProblem.invalidFields("UNKNOWN_PARENT", "No customer " + parentId + " that you can see",
                    List.of(new FieldProblem("parentId", "is not a customer you can see")));
        }
    }

    /** Filter values in their stored form: attribute values canonical for their type, tags in lower case. */
    private CustomerFilter canonical(CustomerFilter filter) {
        Map<String, String> attributeValues = new LinkedHashMap<>();
        filter.attributes().forEach((key, value) -> attributeValues.put(key, attributes.filterValue(key, value)));
        return new CustomerFilter(filter.types(), filter.levels(), filter.statuses(), text(filter.grade()),
                text(filter.industry()), text(filter.companySize()), text(filter.regionCode()),
                text(filter.routeCode()),
                tags(filter.tags()), filter.allTags(), attributeValues, text(filter.ownerId()), text(filter.orgPath()),
                filter.lastActivityBefore(), filter.lastActivityAfter(), text(filter.parentId()), text(filter.text()),
                filter.hasOverdueBalance());
    }

    private List<Phone> phones(List<PhoneInput> inputs) {
        List<Phone> phones = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<FieldProblem> errors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PhoneInput input = inputs.get(i);
            Optional<String> normalized = PhoneNumbers.normalize(input.number(), properties.defaultCountryCode());
            if (normalized.isEmpty()) {
                errors.add(new FieldProblem("phones[" + i + "].number", "is not a phone number"));
            } else if (seen.add(normalized.get())) {
                phones.add(new Phone(input.number().strip(), text(input.label()), normalized.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw new DetailedProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", errors.size()
                    + " field(s) are invalid", errors, Map.of());
        }
        return phones;
    }

    private static List<Address> addresses(List<Address> addresses) {
        Set<AddressKind> defaults = EnumSet.noneOf(AddressKind.class);
        for (Address address : addresses) {
            if (address.isDefault() && !defaults.add(address.kind())) {
                throw new DetailedProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "1 field(s) are invalid",
                        List.of(new FieldProblem("addresses", "at most one " + address.kind()
                                + " address can be the default")), Map.of());
            }
        }
        return addresses.stream().map(a -> new Address(a.kind(), a.line1().strip(), text(a.line2()), text(a.city()),
                text(a.province()), text(a.postalCode()), upper(text(a.countryCode())), a.isDefault())).toList();
    }

    private static Set<String> tags(Set<String> tags) {
        Set<String> normalized = new LinkedHashSet<>();
        tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).filter(tag -> !tag.isEmpty()).sorted()
                .forEach(normalized::add);
        return normalized;
    }

    private static @Nullable LocalDate date(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DetailedProblem(HttpStatus.BAD_REQUEST, "INVALID_VALUE", "Field 'establishedDate' has an "
                    + "invalid value", List.of(new FieldProblem("establishedDate", "is not a date (yyyy-MM-dd)")),
                    Map.of());
        }
    }

    /** A changed optional text: null keeps the current value, empty removes it. */
    private static @Nullable String keep(@Nullable String changed, @Nullable String current) {
        return changed == null ? current : text(changed);
    }

    private static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** Now, to the microsecond the database keeps, so that an answer shows what a later read will. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("C-");
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
