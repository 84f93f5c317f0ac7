package io.channelops.sales.opportunity;

import io.channelops.events.sales.OpportunityLost;
import io.channelops.events.sales.OpportunityStageChanged;
import io.channelops.events.sales.OpportunityWon;
import io.channelops.platform.persistence.AggregateRoot;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.money.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A deal being worked on: a customer, an estimated amount, an expected close date, the products it is about, a
 * competitor if known, and the pipeline stage it is in. Owned like every business record: its {@link Ownership}
 * (owner rep and org path) decides who sees it and is set by the server only.
 *
 * <p>Life cycle: {@link OpportunityStatus#OPEN} while it moves through the open stages, then once
 * {@link OpportunityStatus#WON} or {@link OpportunityStatus#LOST} (with a reason); a closed opportunity can neither
 * change stage nor be closed again nor be edited (409). Every stage it enters is returned as a {@link StageChange}
 * for the history, with the whole days it spent in the stage it left.
 *
 * <p>Win probability: the opportunity follows its stage's default until a rep sets its own; entering another stage
 * returns it to that stage's default (the rep's estimate was for the old stage) unless the move sets one again.
 *
 * <p>Events: {@link OpportunityStageChanged} when it is opened (from stage "") and on every move between open
 * stages, {@link OpportunityWon} and {@link OpportunityLost} when it is closed.
 */
@Entity
@Table(name = "opportunities")
public class Opportunity extends AggregateRoot<Opportunity> {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_NOTE_LENGTH = 2000;

    @Id
    private String id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "customer_id", nullable = false, length = 64)
    private String customerId;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "expected_close_date", nullable = false)
    private LocalDate expectedCloseDate;

    @Column(length = 200)
    private @Nullable String competitor;

    @Column(name = "stage_code", nullable = false, length = 32)
    private String stageCode;

    @Column(name = "probability_override")
    private @Nullable Integer probabilityOverride;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private OpportunityStatus status;

    @Column(name = "loss_reason", length = 32)
    private @Nullable String lossReason;

    @Column(name = "close_note", length = MAX_NOTE_LENGTH)
    private @Nullable String closeNote;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "closed_on")
    private @Nullable LocalDate closedOn;

    @Column(name = "source_lead_id", length = 64)
    private @Nullable String sourceLeadId;

    @Column(name = "stage_entered_at", nullable = false)
    private Instant stageEnteredAt;

    @Column(name = "last_activity_at")
    private @Nullable Instant lastActivityAt;

    @Column(name = "last_movement_at", nullable = false)
    private Instant lastMovementAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_products", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 50)
    private List<OpportunityProduct> products = new ArrayList<>();

    @Embedded
    private Ownership ownership;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Opportunity() {
        // for JPA
        this.id = "";
        this.name = "";
        this.customerId = "";
        this.amount = BigDecimal.ZERO;
        this.currency = "";
        this.expectedCloseDate = LocalDate.EPOCH;
        this.stageCode = "";
        this.status = OpportunityStatus.OPEN;
        this.stageEnteredAt = Instant.EPOCH;
        this.lastMovementAt = Instant.EPOCH;
        this.ownership = new Ownership("system", "/hq");
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Opportunity(String id, Details details, PipelineStage stage, Ownership ownership, String createdBy,
            Instant now) {
        this.id = id;
        this.name = details.name();
        this.customerId = details.customerId();
        this.amount = details.amount().amount();
        this.currency = details.amount().currency();
        this.expectedCloseDate = details.expectedCloseDate();
        this.competitor = details.competitor();
        this.products = new ArrayList<>(details.products());
        this.probabilityOverride = details.probability();
        this.sourceLeadId = details.sourceLeadId();
        this.stageCode = stage.code();
        this.status = OpportunityStatus.OPEN;
        this.stageEnteredAt = now;
        this.lastMovementAt = now;
        this.ownership = ownership;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * What an opportunity is about. {@code probability} is the rep's own estimate (null: the stage's default).
     */
    public record Details(String name, String customerId, Money amount, LocalDate expectedCloseDate,
            List<OpportunityProduct> products, @Nullable String competitor, @Nullable Integer probability,
            @Nullable String sourceLeadId) {
    }

    /**
     * Opens an opportunity in an open stage. Its first history entry (from no stage) is returned; raises
     * {@link OpportunityStageChanged} from stage "".
     */
    static Opened open(String id, Details details, PipelineStage stage, Ownership ownership, String createdBy,
            Instant now) {
        if (!stage.isOpen()) {
            throw new IllegalArgumentException("An opportunity opens in an open stage, not " + stage.code());
        }
        Opportunity opportunity = new Opportunity(id, details, stage, ownership, createdBy, now);
        int probability = opportunity.probability(stage);
        opportunity.stageChanged("", stage, probability, now);
        return new Opened(opportunity, new StageChange(id, null, stage.code(), probability, now, createdBy, null,
                null));
    }

    /** A new opportunity and the first entry of its stage history. */
    record Opened(Opportunity opportunity, StageChange firstStage) {
    }

    /**
     * Changes what is given (null leaves a value as it is; an empty competitor clears it; {@code products} replaces
     * all lines). {@code probability} sets the rep's own estimate, {@code useStageProbability} returns to the
     * stage's default. Only an open opportunity can be changed.
     */
    void change(@Nullable String newName, @Nullable String newCustomerId, @Nullable Money newAmount,
            @Nullable LocalDate newExpectedClose, @Nullable List<OpportunityProduct> newProducts,
            @Nullable String newCompetitor, @Nullable Integer newProbability, boolean useStageProbability,
            Instant now) {
        requireOpen("change");
        if (newName != null) {
            name = newName;
        }
        if (newCustomerId != null) {
            customerId = newCustomerId;
        }
        if (newAmount != null) {
            amount = newAmount.amount();
            currency = newAmount.currency();
        }
        if (newExpectedClose != null) {
            expectedCloseDate = newExpectedClose;
        }
        if (newProducts != null) {
            products.clear();
            products.addAll(newProducts);
        }
        if (newCompetitor != null) {
            competitor = newCompetitor.isBlank() ? null : newCompetitor.strip();
        }
        if (useStageProbability) {
            probabilityOverride = null;
        }
        if (newProbability != null) {
            probabilityOverride = newProbability;
        }
        updatedAt = now;
    }

    /**
     * Moves the opportunity to another open stage. The win probability returns to the new stage's default unless
     * {@code probability} sets the rep's own. Moving to the stage it is in changes nothing (empty result) but the
     * probability, when given.
     *
     * @return the history entry, empty when the stage did not change
     */
    @Nullable StageChange moveTo(PipelineStage target, @Nullable Integer probability, @Nullable String note,
            String by, Instant now) {
        requireOpen("change the stage of");
        if (!target.isOpen()) {
            throw new IllegalArgumentException("Use win or lose to close an opportunity, not stage " + target.code());
        }
        if (target.code().equals(stageCode)) {
            if (probability != null) {
                probabilityOverride = probability;
                updatedAt = now;
            }
            return null;
        }
        String from = stageCode;
        long days = daysInStage(now);
        stageCode = target.code();
        probabilityOverride = probability;
        entered(now);
        int effective = probability(target);
        stageChanged(from, target, effective, now);
        return new StageChange(id, from, target.code(), effective, now, by, days, note);
    }

    /** Closes the opportunity as won in the given won stage; raises {@link OpportunityWon}. */
    StageChange win(PipelineStage wonStage, @Nullable String note, String by, Instant now, ZoneId zone) {
        requireOpen("win");
        StageChange change = close(wonStage, OpportunityStatus.WON, note, by, now, zone);
        registerEvent(new OpportunityWon(id, customerId, eventAmount(), now, ownership.ownerId(),
                ownership.orgPath()));
        return change;
    }

    /**
     * Closes the opportunity as lost for a reason in the given lost stage; a given competitor replaces the one on
     * record. Raises {@link OpportunityLost}.
     */
    StageChange lose(PipelineStage lostStage, LossReason reason, @Nullable String lostTo, @Nullable String note,
            String by, Instant now, ZoneId zone) {
        requireOpen("lose");
        if (lostTo != null && !lostTo.isBlank()) {
            competitor = lostTo.strip();
        }
        lossReason = reason.code();
        StageChange change = close(lostStage, OpportunityStatus.LOST, note, by, now, zone);
        registerEvent(new OpportunityLost(id, customerId, eventAmount(), reason.code(),
                competitor == null ? "" : competitor, now, ownership.ownerId(), ownership.orgPath()));
        return change;
    }

    /** Hands the opportunity to another owner and the org unit they work in. */
    void reassign(Ownership newOwnership, Instant now) {
        ownership = newOwnership;
        updatedAt = now;
    }

    /** The win probability in percent that applies now: the rep's own estimate, else the stage's default. */
    public int probability(PipelineStage currentStage) {
        if (!currentStage.code().equals(stageCode)) {
            throw new IllegalArgumentException("Opportunity " + id + " is in " + stageCode + ", not "
                    + currentStage.code());
        }
        if (status != OpportunityStatus.OPEN) {
            return currentStage.probability();
        }
        return probabilityOverride != null ? probabilityOverride : currentStage.probability();
    }

    /** Whole days since the opportunity entered its current stage. */
    public long daysInStage(Instant now) {
        return Math.max(0, Duration.between(stageEnteredAt, now).toDays());
    }

    private StageChange close(PipelineStage stage, OpportunityStatus closedAs, @Nullable String note, String by,
            Instant now, ZoneId zone) {
        if (stage.kind().name().equals(closedAs.name()) == false) {
            throw new IllegalArgumentException("Stage " + stage.code() + " is not a " + closedAs + " stage");
        }
        String from = stageCode;
        long days = daysInStage(now);
        status = closedAs;
        stageCode = stage.code();
        probabilityOverride = null;
        closeNote = note;
        closedAt = now;
        closedOn = LocalDate.ofInstant(now, zone);
        entered(now);
        return new StageChange(id, from, stage.code(), stage.probability(), now, by, days, note);
    }

    private void entered(Instant now) {
        stageEnteredAt = now;
        lastMovementAt = now;
        updatedAt = now;
    }

    private void stageChanged(String from, PipelineStage to, int probability, Instant now) {
        registerEvent(new OpportunityStageChanged(id, customerId, from, to.code(), probability, eventAmount(),
                expectedCloseDate, now, ownership.ownerId(), ownership.orgPath()));
    }

    private io.channelops.events.Money eventAmount() {
        return new io.channelops.events.Money(amount, currency);
    }

    private void requireOpen(String action) {
        if (status != OpportunityStatus.OPEN) {
            throw ApiProblem.illegalTransition("opportunity", id, status, action);
        }
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The customer in customer-service the deal is with. */
    public String customerId() {
        return customerId;
    }

    public Money amount() {
        return new Money(amount, currency);
    }

    public LocalDate expectedCloseDate() {
        return expectedCloseDate;
    }

    /** The products of the deal, in line order; amounts in the opportunity's currency. */
    public List<OpportunityProduct> products() {
        return List.copyOf(products);
    }

    public @Nullable String competitor() {
        return competitor;
    }

    public String stageCode() {
        return stageCode;
    }

    /** The rep's own win probability, null while the opportunity follows its stage's default. */
    public @Nullable Integer probabilityOverride() {
        return probabilityOverride;
    }

    public OpportunityStatus status() {
        return status;
    }

    public @Nullable String lossReason() {
        return lossReason;
    }

    public @Nullable String closeNote() {
        return closeNote;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    /** The business day (in the pipeline's time zone) the deal was won or lost. */
    public @Nullable LocalDate closedOn() {
        return closedOn;
    }

    public @Nullable String sourceLeadId() {
        return sourceLeadId;
    }

    public Instant stageEnteredAt() {
        return stageEnteredAt;
    }

    public @Nullable Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** The later of the last stage change and the last activity. */
    public Instant lastMovementAt() {
        return lastMovementAt;
    }

    public Ownership ownership() {
        return ownership;
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
