package io.channelops.order.order;

import io.channelops.order.credit.CreditDecision;
import io.channelops.order.credit.CreditGate;
import io.channelops.order.pricing.AcceptedQuote;
import io.channelops.order.pricing.PriceQuote;
import io.channelops.order.pricing.SalesPrices;
import io.channelops.order.pricing.SalesQuotes;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use cases of orders. Calls to other services (prices, credit) are made outside any database
 * transaction; their outcome is applied afterwards in a short transaction that re-reads the
 * order and checks its state and version again.
 *
 * <p>Data scope: the caller's own orders for a rep, their org subtree for a manager or an
 * integration client, all for director, auditor, finance and logistics ({@link DataScope}). An
 * order out of scope is not found (404) for reads and every action, and lists only hold orders in
 * scope. A new order belongs to its creator. The background re-check and the logistics listeners
 * act for the service itself, with no caller and no data scope.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Orders orders;
    private final DataScope scope;
    private final SalesPrices prices;
    private final SalesQuotes quotes;
    private final CreditGate credit;
    private final CreditSettings settings;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final OrderMetrics metrics;
    private final SecureRandom random = new SecureRandom();

    public OrderService(Orders orders, DataScope scope, SalesPrices prices, SalesQuotes quotes, CreditGate credit,
            CreditSettings settings, PlatformTransactionManager transactions, Clock clock, OrderMetrics metrics) {
        this.orders = orders;
        this.quotes = quotes;
        this.scope = scope;
        this.prices = prices;
        this.credit = credit;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * What a client may set when creating an order: who buys, the currency and the lines. Who sells
     * is the caller: the owner of the new order.
     */
    public record NewOrder(String customerId, String currency, List<NewLine> lines) {
    }

    /** A product and how many of it. */
    public record NewLine(String productId, long quantity) {
    }

    /** Filters of the order list, within the caller's data scope; null means any. {@code salesRepId} is the owner. */
    public record Filter(@Nullable String customerId, @Nullable String salesRepId, @Nullable OrderStatus status) {
    }

    /** How an event from another service changed an order. */
    public enum Outcome {
        /** The order changed. */
        APPLIED,
        /** The order already reflects it. */
        ALREADY_APPLIED,
        /** The order's status does not allow it; nothing changed. */
        NOT_APPLICABLE,
        /** No such order. */
        UNKNOWN_ORDER
    }

    // --- create and read ---------------------------------------------------------------------

    /**
     * Prices every line with sales-service (with the caller's token), then stores a {@code DRAFT}
     * owned by the caller. Nothing is stored when a line cannot be priced (422) or sales-service is
     * unavailable (503).
     */
    public Order create(NewOrder request) {
        Ownership owner = scope.forNewRecord();
        Map<NewLine, PriceQuote> quotes = new HashMap<>();
        List<Order.PricedLine> priced = new ArrayList<>();
        for (NewLine line : request.lines()) {
            PriceQuote quote = quotes.computeIfAbsent(line,
                    l -> prices.effectivePrice(l.productId(), l.quantity(), request.customerId()));
            if (!quote.currency().equals(request.currency())) {
                throw ApiProblem.unprocessable("CURRENCY_MISMATCH", "Product " + line.productId() + " is priced in "
                        + quote.currency() + ", the order is in " + request.currency(), line.productId(),
                        quote.currency(), request.currency());
            }
            priced.add(new Order.PricedLine(line.productId(), line.quantity(), quote.unitPrice(), quote.source()));
        }
        Order created = tx.execute(status -> {
            Order order = Order.draft(newNumber(), request.customerId(), owner, request.currency(), priced,
                    Instant.now(clock));
            if (!order.amountsInRange()) {
                throw ApiProblem.unprocessable("ORDER_AMOUNT_TOO_LARGE", "The order amount " + order.total()
                        + " is larger than " + Order.MAX_AMOUNT, order.total().toPlainString(),
                        Order.MAX_AMOUNT.toPlainString());
            }
            return orders.save(order);
        });
        log.info("Created order {} ({}) for customer {}, owned by {}", created.number(), created.id(),
                created.customerId(), owner.ownerId());
        return created;
    }

    /** The order of a quote, and whether this call created it (false: it existed already). */
    public record FromQuote(Order order, boolean created) {
    }

    /**
     * Creates a {@code DRAFT} order from an accepted quote of sales-service, read with the caller's token (so the
     * caller must see the quote): the quote's customer, currency and lines at the quote's agreed unit prices (price
     * source {@code QUOTE}, never re-priced), owned by the quote's owner in the quote's org unit. One order per quote:
     * when it exists already (also when another request creates it at the same moment) that order is answered.
     * 422 {@code UNKNOWN_QUOTE}, {@code QUOTE_NOT_ACCEPTED} (not accepted, or past its validity),
     * {@code QUOTE_NOT_ORDERABLE}; 503 when sales-service is unavailable. Nothing is stored then.
     */
    public FromQuote createFromQuote(String quoteId) {
        Optional<Order> existing = readTx.execute(status -> orders.findByQuoteId(quoteId));
        if (existing != null && existing.isPresent()) {
            return new FromQuote(scope.visible(existing, Order::ownership, "order", quoteId), false);
        }
        AcceptedQuote quote = quotes.accepted(quoteId);
        if (quote.lines().size() > Order.MAX_LINES || quote.lines().stream()
                .anyMatch(line -> line.quantity() < 1 || line.quantity() > Order.MAX_QUANTITY)) {
            throw ApiProblem.unprocessable("QUOTE_NOT_ORDERABLE", "Quote " + quote.number() + " cannot become an "
                    + "order: an order has 1 to " + Order.MAX_LINES + " lines of 1 to " + Order.MAX_QUANTITY
                    + " pieces", quote.number(), "lines");
        }
        List<Order.PricedLine> priced = quote.lines().stream().map(line -> new Order.PricedLine(line.productId(),
                line.quantity(), line.unitPrice(), "QUOTE")).toList();
        Ownership owner = new Ownership(quote.ownerId(), quote.orgPath());
        try {
            Order created = tx.execute(status -> {
                Order order = Order.fromQuote(newNumber(), quote.customerId(), owner, quote.currency(), priced,
                        quoteId, quote.number(), quote.version(), Instant.now(clock));
                if (!order.amountsInRange()) {
                    throw ApiProblem.unprocessable("ORDER_AMOUNT_TOO_LARGE", "The order amount " + order.total()
                            + " is larger than " + Order.MAX_AMOUNT, order.total().toPlainString(),
                            Order.MAX_AMOUNT.toPlainString());
                }
                return orders.saveAndFlush(order);
            });
            log.info("Created order {} ({}) from quote {} v{} for customer {}, owned by {}", created.number(),
                    created.id(), quote.number(), quote.version(), created.customerId(), owner.ownerId());
            return new FromQuote(created, true);
        } catch (DataIntegrityViolationException raced) {
            // another request created the quote's order first (uk_orders_quote)
            Optional<Order> first = readTx.execute(status -> orders.findByQuoteId(quoteId));
            if (first == null || first.isEmpty()) {
                throw raced;
            }
            return new FromQuote(scope.visible(first, Order::ownership, "order", quoteId), false);
        }
    }

    /** The order, if it exists and lies in the caller's data scope; otherwise 404. */
    @Transactional(readOnly = true)
    public Order get(String id) {
        return scope.visible(orders.findById(id), Order::ownership, "order", id);
    }

    /** The caller's orders (their data scope) matching {@code filter}; totals count only those. */
    @Transactional(readOnly = true)
    public Page<Order> search(Filter filter, Pageable pageable) {
        Specification<Order> spec = scope.specification();
        if (filter.customerId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("customerId"), filter.customerId()));
        }
        if (filter.salesRepId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get(DataScope.OWNERSHIP).get("ownerId"),
                    filter.salesRepId()));
        }
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        return orders.findAll(spec, pageable);
    }

    // --- actions -----------------------------------------------------------------------------

    /**
     * Submits a {@code DRAFT} through the credit gate: {@code APPROVED}, {@code CREDIT_HOLD}, or
     * {@code CREDIT_CHECK_PENDING} when finance-service cannot answer (the background re-check
     * takes it from there). Finance is called with no transaction open, with the caller's token.
     *
     * @param ifMatch optional; when sent it must be the order's current ETag
     */
    public Order submit(String id, @Nullable String ifMatch) {
        Order draft = readTx.execute(status -> {
            Order order = get(id);
            checkIfMatch(ifMatch, order);
            order.checkCanSubmit();
            return order;
        });
        CreditDecision decision = credit.check(draft.customerId(), draft.id(), draft.total(), draft.currency());
        Order submitted = tx.execute(status -> {
            Order order = get(id);
            order.checkCanSubmit();
            if (order.version() != draft.version()) {
                throw ApiProblem.conflict("CONCURRENT_MODIFICATION",
                        "Order " + id + " was changed while it was being submitted; fetch it again");
            }
            Instant now = Instant.now(clock);
            switch (decision) {
                case CreditDecision.Approved approved -> {
                    order.submitApproved(now);
                    metrics.approved();
                }
                case CreditDecision.Rejected rejected -> {
                    order.submitHeld(rejected.reason(), now);
                    metrics.held(order.creditHoldReason());
                }
                case CreditDecision.Unavailable unavailable ->
                        order.submitPending(unavailable.cause(), now.plus(settings.backoff(1)), now);
            }
            metrics.submitted();
            return orders.save(order);
        });
        log.info("Submitted order {}: {}", submitted.number(), submitted.status());
        return submitted;
    }

    /** Releases an order from its credit hold: {@code CREDIT_HOLD} → {@code APPROVED}. */
    @Transactional
    public Order release(String id, @Nullable String ifMatch) {
        Order order = get(id);
        checkIfMatch(ifMatch, order);
        order.release(Instant.now(clock));
        metrics.approved();
        log.info("Released order {} from its credit hold", order.number());
        return orders.saveAndFlush(order);
    }

    /** Cancels an order that is not approved yet. */
    @Transactional
    public Order cancel(String id, @Nullable String ifMatch) {
        Order order = get(id);
        checkIfMatch(ifMatch, order);
        order.cancel(Instant.now(clock));
        log.info("Cancelled order {}", order.number());
        return orders.saveAndFlush(order);
    }

    // --- background credit re-check -----------------------------------------------------------

    /**
     * Checks the credit of one claimed {@code CREDIT_CHECK_PENDING} order again and applies the
     * decision, unless the order changed meanwhile (cancelled, or decided by another replica).
     * Finance is called with no transaction open.
     *
     * @return the decision, or empty when the order no longer waits for one
     */
    Optional<CreditDecision> recheckCredit(String id) {
        Order pending = readTx.execute(status -> orders.findById(id).orElse(null));
        if (pending == null || pending.status() != OrderStatus.CREDIT_CHECK_PENDING) {
            return Optional.empty();
        }
        CreditDecision decision = credit.check(pending.customerId(), pending.id(), pending.total(),
                pending.currency());
        Order decided = tx.execute(status -> {
            Order order = orders.findById(id).orElse(null);
            if (order == null || order.status() != OrderStatus.CREDIT_CHECK_PENDING
                    || order.version() != pending.version()) {
                log.info("Order {} changed during its credit re-check; leaving it as it is", id);
                return null;
            }
            Instant now = Instant.now(clock);
            switch (decision) {
                case CreditDecision.Approved approved -> {
                    order.recheckApproved(now);
                    metrics.approved();
                }
                case CreditDecision.Rejected rejected -> {
                    order.recheckRejected(rejected.reason(), now);
                    metrics.held(order.creditHoldReason());
                }
                case CreditDecision.Unavailable unavailable -> order.recheckStillPending(unavailable.cause(),
                        now.plus(settings.backoff(order.creditCheckAttempts() + 1)), now);
            }
            return orders.save(order);
        });
        if (decided == null) {
            return Optional.empty();
        }
        log.info("Credit re-check {} of order {}: {}", decided.creditCheckAttempts(), decided.number(),
                decided.status());
        return Optional.of(decision);
    }

    // --- fulfilment ----------------------------------------------------------------------------

    /** Logistics could not reserve the order's stock. */
    @Transactional
    public Outcome backorder(String orderId) {
        Order order = orders.findById(orderId).orElse(null);
        if (order == null) {
            return Outcome.UNKNOWN_ORDER;
        }
        if (order.status() != OrderStatus.APPROVED && order.status() != OrderStatus.BACKORDERED) {
            log.warn("Ignoring a stock shortage for order {} in state {}", order.number(), order.status());
            return Outcome.NOT_APPLICABLE;
        }
        if (!order.backorder(Instant.now(clock))) {
            return Outcome.ALREADY_APPLIED;
        }
        orders.save(order);
        log.info("Order {} is back-ordered", order.number());
        return Outcome.APPLIED;
    }

    /** Logistics dispatched a shipment of the order: {@code quantities} per product id. */
    @Transactional
    public Outcome recordDispatch(String orderId, String shipmentId, Map<String, Long> quantities) {
        Order order = orders.findById(orderId).orElse(null);
        if (order == null) {
            return Outcome.UNKNOWN_ORDER;
        }
        if (order.status() != OrderStatus.APPROVED && order.status() != OrderStatus.BACKORDERED
                && order.status() != OrderStatus.SHIPPED) {
            log.warn("Ignoring shipment {} of order {} in state {}", shipmentId, order.number(), order.status());
            return Outcome.NOT_APPLICABLE;
        }
        List<String> strangers = quantities.keySet().stream()
                .filter(product -> order.lines().stream().noneMatch(line -> line.productId().equals(product)))
                .toList();
        if (!strangers.isEmpty()) {
            log.warn("Shipment {} of order {} carries products not on the order, ignored: {}", shipmentId,
                    order.number(), strangers);
        }
        if (!order.recordDispatch(shipmentId, quantities, Instant.now(clock))) {
            return Outcome.ALREADY_APPLIED;
        }
        orders.save(order);
        log.info("Shipment {} of order {} counted; order is {}", shipmentId, order.number(), order.status());
        return Outcome.APPLIED;
    }

    private static void checkIfMatch(@Nullable String ifMatch, Order order) {
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, order.version(), "order", order.id());
        }
    }

    private String newNumber() {
        String number;
        do {
            StringBuilder code = new StringBuilder("SO-");
            for (int i = 0; i < 10; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            number = code.toString();
        }
        while (orders.existsByNumber(number));
        return number;
    }
}
