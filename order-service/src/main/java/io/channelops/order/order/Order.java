package io.channelops.order.order;

import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderCreditHeld;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * A sales order. It guards its own life cycle (see {@link OrderStatus}); an action its status
 * does not allow throws {@link IllegalOrderTransition}. Approval (on submit, after a pending
 * credit check, or on release from a credit hold) registers {@link OrderApproved}; a credit
 * hold registers {@link OrderCreditHeld}.
 *
 * <p>An order is an owned business record: its {@link Ownership} is whoever created it (the sales
 * rep, or an integration client) and their org path at that time, set by the server. The owner is
 * the order's sales rep ({@code salesRepId} in answers and events).
 */
@Entity(name = "SalesOrder")
@Table(name = "orders")
public class Order extends AggregateRoot<Order> {

    /** Largest order or line amount: 15 integer digits, what every ChannelOps money field accepts. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    public static final int MAX_LINES = 200;
    public static final long MAX_QUANTITY = 1_000_000;
    static final int MAX_REASON_LENGTH = 100;
    static final int MAX_ERROR_LENGTH = 500;

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    /** Who the order belongs to (its sales rep) and where in the org it lives; never from a request. */
    @Embedded
    private Ownership ownership;

    @Column(nullable = false, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "total_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    /** The accepted quote of sales-service the order was created from, if any. */
    @Column(name = "quote_id", length = 36)
    private @Nullable String quoteId;

    @Column(name = "quote_number", length = 20)
    private @Nullable String quoteNumber;

    @Column(name = "quote_version")
    private @Nullable Integer quoteVersion;

    @Column(name = "credit_hold_reason")
    private @Nullable String creditHoldReason;

    @Column(name = "credit_check_attempts", nullable = false)
    private int creditCheckAttempts;

    @Column(name = "credit_check_error")
    private @Nullable String creditCheckError;

    @Column(name = "credit_checked_at")
    private @Nullable Instant creditCheckedAt;

    /** When the background re-check may take the order next (also its lease while a re-check runs). */
    @Column(name = "credit_recheck_after")
    private @Nullable Instant creditRecheckAfter;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    @BatchSize(size = 50)
    private List<OrderLine> lines;

    /** Shipments already counted: a natural key that makes a re-sent dispatch a no-op. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "order_shipments", joinColumns = @JoinColumn(name = "order_id"))
    @Column(name = "shipment_id", nullable = false)
    private Set<String> shipments;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "approved_at")
    private @Nullable Instant approvedAt;

    @Column(name = "cancelled_at")
    private @Nullable Instant cancelledAt;

    @Column(name = "backordered_at")
    private @Nullable Instant backorderedAt;

    @Column(name = "shipped_at")
    private @Nullable Instant shippedAt;

    @Version
    private long version;

    protected Order() {
        // for JPA
        this.id = "";
        this.number = "";
        this.customerId = "";
        this.ownership = new Ownership("unassigned", "");
        this.currency = "";
        this.total = BigDecimal.ZERO;
        this.status = OrderStatus.DRAFT;
        this.lines = new ArrayList<>();
        this.shipments = new HashSet<>();
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    /** A line to put on a new order, already priced. */
    public record PricedLine(String productId, long quantity, BigDecimal unitPrice, String priceSource) {
    }

    /**
     * A new {@code DRAFT} order.
     *
     * @param ownership the creator (who becomes the sales rep) and their org path
     *
     * @throws IllegalArgumentException for no lines, too many, or a quantity or price out of range
     *     (callers validate first; amounts too large are checked with {@link #amountsInRange()})
     */
    static Order draft(String number, String customerId, Ownership ownership, String currency,
            List<PricedLine> priced, Instant now) {
        if (priced.isEmpty() || priced.size() > MAX_LINES) {
            throw new IllegalArgumentException("An order has 1 to " + MAX_LINES + " lines");
        }
        Order order = new Order();
        order.id = UUID.randomUUID().toString();
        order.number = number;
        order.customerId = customerId;
        order.ownership = ownership;
        order.currency = currency;
        int lineNo = 1;
        for (PricedLine line : priced) {
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new IllegalArgumentException("Quantity must be between 1 and " + MAX_QUANTITY);
            }
            if (line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2) {
                throw new IllegalArgumentException("A unit price is at least 0 with at most 2 decimals");
            }
            order.lines.add(new OrderLine(lineNo++, line.productId(), line.quantity(), line.unitPrice(),
                    line.priceSource()));
        }
        order.total = order.lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /**
     * A new {@code DRAFT} order from an accepted quote: its lines carry the quote's agreed unit prices (price source
     * {@code QUOTE}) and the order remembers the quote.
     */
    static Order fromQuote(String number, String customerId, Ownership ownership, String currency,
            List<PricedLine> priced, String quoteId, String quoteNumber, int quoteVersion, Instant now) {
        Order order = draft(number, customerId, ownership, currency, priced, now);
        order.quoteId = quoteId;
        order.quoteNumber = quoteNumber;
        order.quoteVersion = quoteVersion;
        return order;
    }

    /** Quantity × unit price, to the cent. */
    static BigDecimal lineTotal(BigDecimal unitPrice, long quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether the total and every line total fit the money range ({@link #MAX_AMOUNT}). */
    boolean amountsInRange() {
        return total.compareTo(MAX_AMOUNT) <= 0
                && lines.stream().allMatch(line -> line.lineTotal().compareTo(MAX_AMOUNT) <= 0);
    }

    // --- credit gate -------------------------------------------------------------------------

    /** Throws unless the order may be submitted now. */
    void checkCanSubmit() {
        require("submit", OrderStatus.DRAFT);
    }

    /** Submitted, and finance approved the amount. */
    void submitApproved(Instant now) {
        require("submit", OrderStatus.DRAFT);
        submitted(now);
        approve(now);
    }

    /** Submitted, and finance refused the amount. */
    void submitHeld(String reason, Instant now) {
        require("submit", OrderStatus.DRAFT);
        submitted(now);
        hold(reason, now);
    }

    /** Submitted, but finance could not answer: the background re-check takes it from {@code recheckAt}. */
    void submitPending(String error, Instant recheckAt, Instant now) {
        require("submit", OrderStatus.DRAFT);
        submitted(now);
        stillPending(error, recheckAt, now);
    }

    /** Throws unless the order waits for a credit check. */
    void checkAwaitsCreditCheck() {
        require("re-check credit of", OrderStatus.CREDIT_CHECK_PENDING);
    }

    /** A background re-check got an approval. */
    void recheckApproved(Instant now) {
        require("approve", OrderStatus.CREDIT_CHECK_PENDING);
        creditChecked(now);
        approve(now);
    }

    /** A background re-check got a refusal. */
    void recheckRejected(String reason, Instant now) {
        require("hold", OrderStatus.CREDIT_CHECK_PENDING);
        creditChecked(now);
        hold(reason, now);
    }

    /** A background re-check still got no answer: try again from {@code recheckAt}. */
    void recheckStillPending(String error, Instant recheckAt, Instant now) {
        require("re-check credit of", OrderStatus.CREDIT_CHECK_PENDING);
        creditChecked(now);
        stillPending(error, recheckAt, now);
    }

    /** A manager releases the order from its credit hold: it is approved. */
    void release(Instant now) {
        require("release", OrderStatus.CREDIT_HOLD);
        approve(now);
    }

    void cancel(Instant now) {
        require("cancel", OrderStatus.DRAFT, OrderStatus.CREDIT_HOLD, OrderStatus.CREDIT_CHECK_PENDING);
        status = OrderStatus.CANCELLED;
        creditRecheckAfter = null;
        cancelledAt = now;
        updatedAt = now;
    }

    private void submitted(Instant now) {
        submittedAt = now;
        creditChecked(now);
    }

    private void creditChecked(Instant now) {
        creditCheckAttempts++;
        creditCheckedAt = now;
    }

    private void approve(Instant now) {
        status = OrderStatus.APPROVED;
        approvedAt = now;
        updatedAt = now;
        creditCheckError = null;
        creditRecheckAfter = null;
        registerEvent(new OrderApproved(id, number, customerId, ownership.ownerId(), eventLines(),
                new io.channelops.events.Money(total, currency), now, ownership.orgPath()));
    }

    private void hold(String reason, Instant now) {
        status = OrderStatus.CREDIT_HOLD;
        creditHoldReason = truncate(reason, MAX_REASON_LENGTH);
        creditCheckError = null;
        creditRecheckAfter = null;
        updatedAt = now;
        registerEvent(new OrderCreditHeld(id, customerId, new io.channelops.events.Money(total, currency),
                creditHoldReason, now));
    }

    private void stillPending(String error, Instant recheckAt, Instant now) {
        status = OrderStatus.CREDIT_CHECK_PENDING;
        creditCheckError = truncate(error, MAX_ERROR_LENGTH);
        creditRecheckAfter = recheckAt;
        updatedAt = now;
    }

    // --- fulfilment --------------------------------------------------------------------------

    /**
     * Logistics could not reserve the stock: {@code APPROVED} → {@code BACKORDERED}.
     *
     * @return false when the order already is back-ordered (nothing changes)
     */
    boolean backorder(Instant now) {
        if (status == OrderStatus.BACKORDERED) {
            return false;
        }
        require("back-order", OrderStatus.APPROVED);
        status = OrderStatus.BACKORDERED;
        backorderedAt = now;
        updatedAt = now;
        return true;
    }

    /**
     * Counts what shipment {@code shipmentId} dispatched (quantity per product) against the lines,
     * in line order; the order is {@code SHIPPED} once every line is covered. Products not on the
     * order and quantities beyond a line's are ignored.
     *
     * @return false when this shipment was already counted (nothing changes)
     */
    boolean recordDispatch(String shipmentId, Map<String, Long> quantities, Instant now) {
        if (shipments.contains(shipmentId)) {
            return false;
        }
        require("ship", OrderStatus.APPROVED, OrderStatus.BACKORDERED, OrderStatus.SHIPPED);
        shipments.add(shipmentId);
        Map<String, Long> left = new HashMap<>(quantities);
        for (OrderLine line : lines) {
            long available = left.getOrDefault(line.productId(), 0L);
            if (available > 0) {
                left.put(line.productId(), available - line.ship(available));
            }
        }
        if (status != OrderStatus.SHIPPED && lines.stream().allMatch(OrderLine::fullyShipped)) {
            status = OrderStatus.SHIPPED;
            shippedAt = now;
        }
        updatedAt = now;
        return true;
    }

    private void require(String action, OrderStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new IllegalOrderTransition(id, status, action);
        }
    }

    private List<io.channelops.events.order.OrderLine> eventLines() {
        return lines.stream().map(line -> new io.channelops.events.order.OrderLine(line.lineNo(), line.productId(),
                line.quantity(), line.unitPrice())).toList();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Events registered and not yet published (for tests of the rules). */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String customerId() {
        return customerId;
    }

    /** The id of the accepted quote the order was created from; null for an order entered directly. */
    public @Nullable String quoteId() {
        return quoteId;
    }

    public @Nullable String quoteNumber() {
        return quoteNumber;
    }

    public @Nullable Integer quoteVersion() {
        return quoteVersion;
    }

    /** The order's sales rep: its owner. */
    public String salesRepId() {
        return ownership.ownerId();
    }

    public Ownership ownership() {
        return ownership;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal total() {
        return total;
    }

    public OrderStatus status() {
        return status;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public @Nullable String creditHoldReason() {
        return creditHoldReason;
    }

    public int creditCheckAttempts() {
        return creditCheckAttempts;
    }

    public @Nullable String creditCheckError() {
        return creditCheckError;
    }

    public @Nullable Instant creditCheckedAt() {
        return creditCheckedAt;
    }

    public @Nullable Instant creditRecheckAfter() {
        return creditRecheckAfter;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant submittedAt() {
        return submittedAt;
    }

    public @Nullable Instant approvedAt() {
        return approvedAt;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable Instant backorderedAt() {
        return backorderedAt;
    }

    public @Nullable Instant shippedAt() {
        return shippedAt;
    }

    public long version() {
        return version;
    }
}
