package io.channelops.sales.lead;

import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.OrgPaths;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.security.ScopeLevel;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.sales.assignment.AssignmentService;
import io.channelops.sales.assignment.Route;
import io.channelops.sales.customerclient.CustomerGateway;
import io.channelops.sales.scoring.Band;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Use cases of leads. Leads are owned records: the caller's {@link DataScope} decides which ones they see (a rep
 * their own, a manager their org subtree, a director all; 404 outside). A lead in the queue (owner
 * {@value AssignmentService#QUEUE_OWNER}) is seen by managers above its queue's org path, directors, and — to claim
 * it — the reps of exactly that team.
 */
@Service
public class LeadService {

    private final Leads leads;
    private final LeadScoring scoring;
    private final AssignmentService assignment;
    private final CustomerGateway customers;
    private final DataScope scope;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final LeadsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeadService(Leads leads, LeadScoring scoring, AssignmentService assignment, CustomerGateway customers,
            DataScope scope, JdbcTemplate jdbc, JsonMapper json, LeadsProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.leads = leads;
        this.scoring = scoring;
        this.assignment = assignment;
        this.customers = customers;
        this.scope = scope;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Filters of the lead list; null means any. {@code text} matches company, contact name or e-mail. */
    public record Filter(@Nullable LeadStatus status, @Nullable Band band, @Nullable LeadSource source,
            @Nullable String campaign, @Nullable String regionCode, @Nullable String ownerId,
            @Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable Integer minScore,
            @Nullable String text) {
    }

    /** A signal as posted. */
    public record NewSignal(String type, @Nullable Instant occurredAt, @Nullable String detail,
            @Nullable String key) {
    }

    /** A stored signal and whether this post stored it (false: an earlier post with the same key did). */
    public record SignalReceipt(String signalId, String type, Instant occurredAt, boolean stored, Lead lead) {
    }

    // --- capture

    /**
     * Captures a lead. Refuses a lead that matches an open one (same e-mail, phone or company name: 409
     * DUPLICATE_LEAD naming it); asks customer-service for customers that look alike and keeps them as
     * {@code possibleDuplicates} (a lead for an existing customer can be new business, so it is not refused). When
     * customer-service cannot answer the lead is still captured, with duplicate check UNAVAILABLE.
     *
     * <p>A user who captures a lead owns it, unless they ask for routing; a lead posted by an integration client is
     * always routed by the assignment rules (or queued at the client's org path when no rule matches).
     */
    public Lead capture(Lead.Details details, boolean route) {
        CurrentUser caller = scope.caller();
        Lead.Details normalized = Lead.normalized(details, now());
        refuseOpenDuplicates(normalized, null);
        CustomerGateway.Lookup lookup = customers.possibleDuplicates(normalized.company(),
                normalized.contactPhone(), properties.customerMatches());
        String matches = lookup.matches().isEmpty() ? null : json.writeValueAsString(lookup.matches());
        return transaction.execute(status -> {
            refuseOpenDuplicates(normalized, null);
            Instant now = now();
            Ownership ownership = caller.ownership();
            if (route || caller.client()) {
                String fallbackQueue = OrgPaths.withoutTrailingSlash(caller.orgPath());
                Route routed = assignment.route(normalized.regionCode(), fallbackQueue.isEmpty() ? "/"
                        : fallbackQueue);
                ownership = routed.ownership();
            }
            LeadScoring.Rules rules = scoring.rules();
            Lead lead = leads.saveAndFlush(new Lead(details, ownership, caller.id(), now, lookup.status(), matches,
                    rules.settings().band(0)));
            scoring.rescore(lead, rules, now, ScoreCause.CREATED, null);
            return leads.saveAndFlush(lead);
        });
    }

    private void refuseOpenDuplicates(Lead.Details details, @Nullable String self) {
        String email = LeadKeys.email(details.contactEmail());
        String phone = LeadKeys.phone(details.contactPhone());
        String company = LeadKeys.company(details.company());
        for (Lead other : leads.findOpenDuplicates(LeadStatus.OPEN, company, email, phone)) {
            if (other.id().equals(self)) {
                continue;
            }
            String on = email != null && email.equals(other.emailKey()) ? "contact e-mail"
                    : phone != null && phone.equals(other.phoneKey()) ? "contact phone" : "company name";
            throw ApiProblem.conflict("DUPLICATE_LEAD", "Open lead " + other.id() + " has the same " + on,
                    other.id(), on);
        }
    }

    // --- read

    @Transactional(readOnly = true)
    public Lead get(String id) {
        return readable(leads.findById(id), id);
    }

    @Transactional(readOnly = true)
    public Page<Lead> search(Filter filter, Pageable pageable) {
        Specification<Lead> spec = scope.<Lead>specification().and(filters(filter));
        return leads.findAll(spec, pageable);
    }

    /**
     * The queue: unassigned open leads the caller may take or hand out. A director sees every queue, a manager (or
     * an integration client) the queues at or below their org unit, a rep their own team's queue.
     */
    @Transactional(readOnly = true)
    public Page<Lead> queue(@Nullable String regionCode, Pageable pageable) {
        CurrentUser caller = scope.caller();
        Specification<Lead> spec = (root, query, cb) -> cb.and(
                cb.equal(root.get("ownership").get("ownerId"), AssignmentService.QUEUE_OWNER),
                root.get("status").in(LeadStatus.OPEN));
        if (caller.level() == ScopeLevel.OWN) {
            String team = OrgPaths.withoutTrailingSlash(caller.orgPath());
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownership").get("orgPath"), team));
        }
        else {
            spec = spec.and(scope.specification());
        }
        if (regionCode != null && !regionCode.isBlank()) {
            String region = regionCode.strip().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("regionCode"), region));
        }
        return leads.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public List<ScoreHistoryEntry> scoreHistory(String id, int limit) {
        Lead lead = get(id);
        return scoring.history(lead.id(), limit);
    }

    /** The customers customer-service named as possibly the same company when the lead was captured. */
    public List<CustomerGateway.CustomerMatch> possibleDuplicates(Lead lead) {
        String stored = lead.possibleDuplicates();
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return List.of(json.readValue(stored, CustomerGateway.CustomerMatch[].class));
    }

    // --- change and life cycle

    @Transactional
    public Lead change(String id, @Nullable String ifMatch, Lead.Details details) {
        Lead lead = writable(leads.findById(id), id);
        lead.requireOpen("change");
        ETags.requireMatch(ifMatch, lead.version(), "lead", id);
        refuseOpenDuplicates(Lead.normalized(details, now()), lead.id());
        if (!lead.change(details, now())) {
            return lead;
        }
        scoring.rescore(lead, scoring.rules(), now(), ScoreCause.FIELDS_CHANGED, null);
        return leads.saveAndFlush(lead);
    }

    @Transactional
    public Lead start(String id, @Nullable String ifMatch) {
        Lead lead = forAction(id, ifMatch);
        lead.start(now());
        return leads.saveAndFlush(lead);
    }

    @Transactional
    public Lead qualify(String id, @Nullable String ifMatch) {
        Lead lead = forAction(id, ifMatch);
        if (lead.status().open()) {
            // the event carries the score of this moment
            scoring.rescore(lead, scoring.rules(), now(), ScoreCause.TIME_PASSED, null);
        }
        lead.qualify(scope.caller().id(), now());
        return leads.saveAndFlush(lead);
    }

    @Transactional
    public Lead disqualify(String id, @Nullable String ifMatch, DisqualificationReason reason,
            @Nullable String note) {
        Lead lead = forAction(id, ifMatch);
        lead.disqualify(reason, note, now());
        return leads.saveAndFlush(lead);
    }

    // --- owners and the queue

    /**
     * Hands a lead the caller sees to an active user within the caller's org subtree (platform directory check: 422
     * UNKNOWN_ASSIGNEE or ASSIGNEE_OUT_OF_SCOPE); it then lives in that user's org unit.
     */
    @Transactional
    public Lead assign(String id, @Nullable String ifMatch, String ownerId) {
        Lead lead = forAction(id, ifMatch);
        Ownership to = scope.reassignTo(ownerId.strip());
        lead.assign(to, now());
        return leads.saveAndFlush(lead);
    }

    /** The caller takes a queued lead of their own team (or, for a manager, of a queue in their subtree). */
    @Transactional
    public Lead claim(String id) {
        CurrentUser caller = scope.caller();
        Lead lead = readable(leads.findLocked(id), id);
        if (caller.client()) {
            throw ApiProblem.unprocessable("CLAIM_NEEDS_A_USER", "Only a user can claim a lead; an integration "
                    + "client assigns it instead", id);
        }
        if (!lead.queued()) {
            throw ApiProblem.conflict("LEAD_ALREADY_ASSIGNED", "Lead " + id + " is already assigned to "
                    + lead.ownership().ownerId(), id, lead.ownership().ownerId());
        }
        lead.assign(caller.ownership(), now());
        return leads.saveAndFlush(lead);
    }

    // --- signals

    /**
     * Stores a behaviour signal and rescores the lead. A signal with a key already stored for this lead is not
     * stored again (the earlier one is answered). Only an open lead takes signals (409 LEAD_CLOSED).
     */
    @Transactional
    public SignalReceipt signal(String id, NewSignal signal) {
        CurrentUser caller = scope.caller();
        Lead lead = writable(leads.findLocked(id), id);
        String type = signal.type().strip().toUpperCase(Locale.ROOT);
        Instant now = now();
        if (signal.key() != null) {
            Optional<SignalReceipt> earlier = jdbc.query(
                    "SELECT id, type, occurred_at FROM lead_signals WHERE lead_id = ? AND signal_key = ?",
                    (rs, n) -> new SignalReceipt(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            false, lead), id, signal.key()).stream().findFirst();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        lead.requireOpen("take signals");
        Instant occurredAt = signal.occurredAt() == null ? now : signal.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.isAfter(now.plus(properties.signalFutureTolerance()))) {
            throw ApiProblem.unprocessable("SIGNAL_IN_FUTURE", "occurredAt " + occurredAt + " lies in the future",
                    occurredAt.toString());
        }
        String signalId = UUID.randomUUID().toString();
        try {
            jdbc.update("""
                    INSERT INTO lead_signals (id, lead_id, type, occurred_at, detail, signal_key, received_by,
                                              received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", signalId, id, type, Timestamp.from(occurredAt),
                    signal.detail(), signal.key(), caller.id(), Timestamp.from(now));
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("SIGNAL_IN_PROGRESS", "A signal with this key is being stored; retry", id);
        }
        scoring.rescore(lead, scoring.rules(), now, ScoreCause.SIGNAL, type);
        return new SignalReceipt(signalId, type, occurredAt, true, leads.saveAndFlush(lead));
    }

    // --- helpers

    private Lead forAction(String id, @Nullable String ifMatch) {
        Lead lead = writable(leads.findById(id), id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, lead.version(), "lead", id);
        }
        return lead;
    }

    /** The lead if the caller may change it (their data scope); 404 otherwise. */
    Lead writable(Optional<Lead> found, String id) {
        return scope.visible(found, Lead::ownership, "lead", id);
    }

    /** The lead if the caller may see it: their data scope, or a queued lead of a rep's own team; 404 otherwise. */
    Lead readable(Optional<Lead> found, String id) {
        CurrentUser caller = scope.caller();
        return found.filter(lead -> scope.permits(lead.ownership()) || lead.queued() && !caller.client()
                        && caller.level() == ScopeLevel.OWN
                        && lead.ownership().orgPath().equals(OrgPaths.withoutTrailingSlash(caller.orgPath())))
                .orElseThrow(() -> ApiProblem.notFound("lead", id));
    }

    private static Specification<Lead> filters(Filter filter) {
        Specification<Lead> spec = Specification.unrestricted();
        if (filter.status() != null) {
            LeadStatus status = filter.status();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (filter.band() != null) {
            Band band = filter.band();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("band"), band));
        }
        if (filter.source() != null) {
            LeadSource source = filter.source();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("source"), source));
        }
        if (filter.campaign() != null && !filter.campaign().isBlank()) {
            String campaign = filter.campaign().strip();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("campaign"), campaign));
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            String region = filter.regionCode().strip().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("regionCode"), region));
        }
        if (filter.ownerId() != null && !filter.ownerId().isBlank()) {
            String owner = filter.ownerId().strip();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownership").get("ownerId"), owner));
        }
        if (filter.createdFrom() != null) {
            Instant from = filter.createdFrom();
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("createdAt"), from));
        }
        if (filter.createdTo() != null) {
            Instant to = filter.createdTo();
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("createdAt"), to));
        }
        if (filter.minScore() != null) {
            int min = filter.minScore();
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("score"), min));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("company")), like, '\\'),
                    cb.like(cb.lower(root.get("contactName")), like, '\\'),
                    cb.like(cb.lower(root.get("contactEmail")), like, '\\')));
        }
        return spec;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
