package io.channelops.sales.opportunity;

import io.channelops.events.sales.LeadConverted;
import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.security.ScopeLevel;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.sales.money.Money;
import io.channelops.sales.product.Product;
import io.channelops.sales.product.ProductService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of opportunities; each one transaction. Opportunities are owned records: the caller's {@link DataScope}
 * decides which ones they see (a rep their own, a manager their org subtree, a director all); one out of scope is
 * "not found" (404) and lists only hold what the caller sees.
 *
 * <p>{@link #get(String)} is the way other features (quotes) read an opportunity: scope-checked, it answers the
 * {@link Opportunity} with its {@code customerId()}, {@code ownership()} and {@code products()}.
 *
 * <p>The customer id is not checked against customer-service when an opportunity is created or changed: the
 * opportunity is the rep's own pipeline record, customer-service may be unreachable without that stopping the
 * pipeline, and an opportunity opened from a converted lead names a customer that customer-service created moments
 * before. The id's format is validated; a wrong id shows up where the customer is used (quotes, orders).
 */
@Service
public class OpportunityService {

    private final Opportunities opportunities;
    private final StageChanges stageChanges;
    private final OpportunityActivities activities;
    private final StalledDeals stalledDeals;
    private final PipelineConfigService config;
    private final ProductService products;
    private final DataScope scope;
    private final PipelineProperties properties;
    private final Clock clock;

    public OpportunityService(Opportunities opportunities, StageChanges stageChanges,
            OpportunityActivities activities, StalledDeals stalledDeals, PipelineConfigService config,
            ProductService products, DataScope scope, PipelineProperties properties, Clock clock) {
        this.opportunities = opportunities;
        this.stageChanges = stageChanges;
        this.activities = activities;
        this.stalledDeals = stalledDeals;
        this.config = config;
        this.products = products;
        this.scope = scope;
        this.properties = properties;
        this.clock = clock;
    }

    /** A product line as a client sends it; a line amount must be in the opportunity's currency. */
    public record ProductLine(String productId, long quantity, @Nullable Money amount) {
    }

    /**
     * What a client may set when creating an opportunity. A null stage means the first open stage, a null
     * probability the stage's default.
     */
    public record NewOpportunity(String name, String customerId, Money amount, LocalDate expectedCloseDate,
            List<ProductLine> products, @Nullable String competitor, @Nullable String stage,
            @Nullable Integer probability, @Nullable String sourceLeadId) {
    }

    /**
     * What a client may change; null leaves a value as it is, {@code products} replaces every line, an empty
     * competitor clears it, {@code useStageProbability} returns to the stage's default.
     */
    public record Change(@Nullable String name, @Nullable String customerId, @Nullable Money amount,
            @Nullable LocalDate expectedCloseDate, @Nullable List<ProductLine> products, @Nullable String competitor,
            @Nullable Integer probability, boolean useStageProbability) {
    }

    /** Filters of the opportunity list; null means any. {@code text} matches the name or the competitor. */
    public record Filter(@Nullable String stage, @Nullable String ownerId, @Nullable String customerId,
            @Nullable LocalDate expectedCloseFrom, @Nullable LocalDate expectedCloseTo,
            @Nullable OpportunityStatus status, @Nullable String text) {
    }

    /** Filters of the stalled-deals list; null means any. */
    public record StalledFilter(@Nullable String stage, @Nullable String ownerId, @Nullable String customerId) {
    }

    /** Creates an opportunity owned by the caller in the caller's org unit. */
    @Transactional
    public Opportunity create(NewOpportunity request) {
        PipelineStage stage = request.stage() == null ? config.firstOpenStage()
                : config.enterableOpenStage(request.stage());
        CurrentUser caller = scope.caller();
        List<OpportunityProduct> lines = lines(request.products(), request.amount().currency());
        Opportunity.Details details = new Opportunity.Details(request.name().strip(), request.customerId().strip(),
                request.amount(), request.expectedCloseDate(), lines, blankToNull(request.competitor()),
                request.probability(), blankToNull(request.sourceLeadId()));
        Opportunity.Opened opened = Opportunity.open(UUID.randomUUID().toString(), details, stage,
                scope.forNewRecord(), caller.id(), now());
        return store(opened);
    }

    /**
     * Opens the opportunity a converted lead announced, with exactly the id the event carries, in the transaction of
     * the conversion: in the first open stage, owned by the lead's owner in the lead's org unit, named after the
     * lead, with an amount of 0 in the default currency and an expected close {@code default-close-days} after the
     * conversion, for the rep to complete. Idempotent: when the opportunity exists already nothing happens.
     *
     * @return whether an opportunity was opened
     */
    @Transactional
    public boolean openFromLead(LeadConverted event) {
        if (opportunities.existsById(event.opportunityId())) {
            return false;
        }
        Instant now = now();
        Opportunity.Details details = new Opportunity.Details("From lead " + event.leadId(), event.customerId(),
                new Money(BigDecimal.ZERO, properties.defaultCurrency()),
                LocalDate.ofInstant(event.convertedAt(), properties.timeZone()).plusDays(properties.defaultCloseDays()),
                List.of(), null, null, event.leadId());
        Opportunity.Opened opened = Opportunity.open(event.opportunityId(), details, config.firstOpenStage(),
                new Ownership(event.ownerId(), event.orgPath()), event.convertedBy(), now);
        store(opened);
        return true;
    }

    /** The opportunity if the caller may see it; 404 when it does not exist or lies outside the caller's scope. */
    @Transactional(readOnly = true)
    public Opportunity get(String id) {
        return scope.visible(opportunities.findById(id), Opportunity::ownership, "opportunity", id);
    }

    /** Changes an open opportunity; {@code ifMatch} must carry its current version. */
    @Transactional
    public Opportunity change(String id, @Nullable String ifMatch, Change change) {
        Opportunity opportunity = get(id);
        ETags.requireMatch(ifMatch, opportunity.version(), "opportunity", id);
        String currency = change.amount() != null ? change.amount().currency() : opportunity.amount().currency();
        List<OpportunityProduct> lines = change.products() == null ? null : lines(change.products(), currency);
        if (lines == null && !currency.equals(opportunity.amount().currency()) && opportunity.products().stream()
                .anyMatch(line -> line.amount() != null)) {
            throw ApiProblem.unprocessable("CURRENCY_MISMATCH", "The product lines carry amounts in "
                    + opportunity.amount().currency() + ": send them again in " + currency, "products", currency);
        }
        opportunity.change(change.name() == null ? null : change.name().strip(),
                change.customerId() == null ? null : change.customerId().strip(), change.amount(),
                change.expectedCloseDate(), lines, change.competitor(), change.probability(),
                change.useStageProbability(), now());
        return opportunities.saveAndFlush(opportunity);
    }

    /**
     * Moves an open opportunity to another active open stage; {@code ifMatch}, when sent, must carry its current
     * version. Moving it to the stage it is in records nothing.
     */
    @Transactional
    public Opportunity moveToStage(String id, @Nullable String ifMatch, String stageCode,
            @Nullable Integer probability, @Nullable String note) {
        Opportunity opportunity = changeable(id, ifMatch);
        if (opportunity.status() != OpportunityStatus.OPEN) {
            throw ApiProblem.illegalTransition("opportunity", id, opportunity.status(), "change the stage of");
        }
        PipelineStage target = config.enterableOpenStage(stageCode);
        StageChange change = opportunity.moveTo(target, probability, blankToNull(note), scope.caller().id(), now());
        if (change != null) {
            stageChanges.save(change);
        }
        return opportunities.saveAndFlush(opportunity);
    }

    /** Closes an open opportunity as won; 409 when it is closed already. */
    @Transactional
    public Opportunity win(String id, @Nullable String ifMatch, @Nullable String note) {
        Opportunity opportunity = changeable(id, ifMatch);
        StageChange change = opportunity.win(config.closingStage(StageKind.WON), blankToNull(note),
                scope.caller().id(), now(), properties.timeZone());
        stageChanges.save(change);
        return opportunities.saveAndFlush(opportunity);
    }

    /**
     * Closes an open opportunity as lost for an active loss reason (422 otherwise); 409 when it is closed already.
     */
    @Transactional
    public Opportunity lose(String id, @Nullable String ifMatch, String reason, @Nullable String competitor,
            @Nullable String note) {
        Opportunity opportunity = changeable(id, ifMatch);
        if (opportunity.status() != OpportunityStatus.OPEN) {
            throw ApiProblem.illegalTransition("opportunity", id, opportunity.status(), "lose");
        }
        LossReason lossReason = config.activeLossReason(reason);
        StageChange change = opportunity.lose(config.closingStage(StageKind.LOST), lossReason, competitor,
                blankToNull(note), scope.caller().id(), now(), properties.timeZone());
        stageChanges.save(change);
        return opportunities.saveAndFlush(opportunity);
    }

    /**
     * Hands an opportunity the caller sees to another active user within the caller's org subtree (checked against
     * the user directory: 422 {@code UNKNOWN_ASSIGNEE} or {@code ASSIGNEE_OUT_OF_SCOPE}); it then lives in that
     * user's org unit. Reps cannot reassign (403); managers, directors and integration clients can.
     */
    @Transactional
    public Opportunity assign(String id, @Nullable String ifMatch, String ownerId) {
        Opportunity opportunity = changeable(id, ifMatch);
        if (scope.caller().level() == ScopeLevel.OWN) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                    "Only managers and directors may reassign opportunities");
        }
        opportunity.reassign(scope.reassignTo(ownerId.strip()), now());
        return opportunities.saveAndFlush(opportunity);
    }

    /** The stage history of an opportunity the caller sees, oldest first. */
    @Transactional(readOnly = true)
    public List<StageChange> history(String id) {
        get(id);
        return stageChanges.findByOpportunityIdOrderByIdAsc(id);
    }

    /**
     * Logs a call, e-mail, meeting, visit or note on an opportunity the caller sees: its last activity becomes now,
     * which keeps an open deal off the stalled list. Does not change the opportunity's version (ETag).
     */
    @Transactional
    public OpportunityActivity logActivity(String id, ActivityKind kind, String text) {
        get(id);
        Instant now = now();
        OpportunityActivity activity = activities.save(new OpportunityActivity(id, kind, text.strip(), now,
                scope.caller().id()));
        opportunities.recordActivity(id, Timestamp.from(now));
        return activity;
    }

    /** The activities logged on an opportunity the caller sees. */
    @Transactional(readOnly = true)
    public Page<OpportunityActivity> activities(String id, Pageable pageable) {
        get(id);
        return activities.findByOpportunityId(id, pageable);
    }

    /** The opportunities the caller sees that match the filter. */
    @Transactional(readOnly = true)
    public Page<Opportunity> search(Filter filter, Pageable pageable) {
        Specification<Opportunity> spec = scope.specification();
        if (filter.stage() != null && !filter.stage().isBlank()) {
            String stage = filter.stage().strip().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("stageCode"), stage));
        }
        if (filter.ownerId() != null && !filter.ownerId().isBlank()) {
            String owner = filter.ownerId().strip();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownership").get("ownerId"), owner));
        }
        if (filter.customerId() != null && !filter.customerId().isBlank()) {
            String customer = filter.customerId().strip();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("customerId"), customer));
        }
        if (filter.expectedCloseFrom() != null) {
            LocalDate from = filter.expectedCloseFrom();
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("expectedCloseDate"), from));
        }
        if (filter.expectedCloseTo() != null) {
            LocalDate to = filter.expectedCloseTo();
            spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("expectedCloseDate"), to));
        }
        if (filter.status() != null) {
            OpportunityStatus status = filter.status();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                    cb.like(cb.lower(root.get("competitor")), like, '\\')));
        }
        return opportunities.findAll(spec, pageable);
    }

    /**
     * Open opportunities the caller sees whose last stage change or activity is older than their stage's stall
     * threshold, the longest idle first.
     */
    @Transactional(readOnly = true)
    public Page<StalledDeal> stalled(StalledFilter filter, Pageable pageable) {
        return stalledDeals.find(filter, now(), pageable);
    }

    private Opportunity changeable(String id, @Nullable String ifMatch) {
        Opportunity opportunity = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, opportunity.version(), "opportunity", id);
        }
        return opportunity;
    }

    private Opportunity store(Opportunity.Opened opened) {
        Opportunity saved = opportunities.saveAndFlush(opened.opportunity());
        stageChanges.save(opened.firstStage());
        return saved;
    }

    private List<OpportunityProduct> lines(List<ProductLine> requested, String currency) {
        List<OpportunityProduct> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ProductLine line = requested.get(i);
            String productId = line.productId().strip();
            Product product;
            try {
                product = products.get(productId);
            } catch (ApiProblem ex) {
                if (ex.status() != HttpStatus.NOT_FOUND) {
                    throw ex;
                }
                throw ApiProblem.unprocessable("UNKNOWN_PRODUCT", "Line " + (i + 1) + ": no product " + productId
                        + " in the catalog", "products[" + i + "].productId", productId);
            }
            if (!product.isActive()) {
                throw ApiProblem.unprocessable("PRODUCT_DISCONTINUED", "Product " + product.id() + " ("
                        + product.sku() + ") is discontinued and can no longer be sold", product.id(), product.sku());
            }
            if (line.amount() != null && !line.amount().currency().equals(currency)) {
                throw ApiProblem.unprocessable("CURRENCY_MISMATCH", "Line " + (i + 1) + " is in "
                        + line.amount().currency() + " but the opportunity in " + currency,
                        "products[" + i + "].amount", currency);
            }
            lines.add(new OpportunityProduct(product.id(), line.quantity(),
                    line.amount() == null ? null : line.amount().amount()));
        }
        return lines;
    }

    private Instant now() {
        // the database keeps microseconds; answer what a later read will show
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
