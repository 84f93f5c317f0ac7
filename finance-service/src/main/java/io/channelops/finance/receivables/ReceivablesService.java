package io.channelops.finance.receivables;

import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.events.order.OrderApproved;
import io.channelops.finance.money.Money;
import io.channelops.platform.inbox.PoisonEventException;
import io.channelops.platform.observability.AfterCommit;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of receivables: recording approved orders, invoicing dispatched shipments, reading
 * invoices, allocating payments to them and summing up a customer's exposure.
 *
 * <p>Data scope: approved orders and invoices carry the order's ownership (sales rep + org path).
 * Reading an invoice out of the caller's scope answers 404, the invoice list and the exposure shown to
 * a caller count only what is in scope. The event handlers run without a caller and see everything;
 * so does {@link #exposureOf}, the input of the credit rule.
 */
@Service
public class ReceivablesService {

    private static final Logger log = LoggerFactory.getLogger(ReceivablesService.class);
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneOffset.UTC);
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1E15");

    private static final int MAX_ORG_PATH = 255;
    private static final int MAX_OWNER_ID = 64;

    private final Invoices invoices;
    private final ApprovedOrders approvedOrders;
    private final ExposureQueries exposure;
    private final DataScope scope;
    private final Clock clock;
    private final Counter invoicesIssued;
    private final SecureRandom random = new SecureRandom();

    ReceivablesService(Invoices invoices, ApprovedOrders approvedOrders, ExposureQueries exposure, DataScope scope,
            Clock clock, MeterRegistry meters) {
        this.invoices = invoices;
        this.approvedOrders = approvedOrders;
        this.exposure = exposure;
        this.scope = scope;
        this.clock = clock;
        this.invoicesIssued = Counter.builder("channelops.invoices.issued")
                .description("Invoices issued, one per dispatched shipment").register(meters);
    }

    /** Filters of the invoice list; null means any. */
    public record Filter(@Nullable String orderId, @Nullable String customerId, @Nullable InvoiceStatus status) {
    }

    /**
     * Records an approved order for exposure, owned like the order: by its sales rep, in the org path
     * the event carries. Idempotent by order id: a copy of the event under another event id changes
     * nothing.
     */
    @Transactional
    public void recordApprovedOrder(OrderApproved event) {
        requireId(event.orderId(), "orderId", event);
        requireId(event.customerId(), "customerId", event);
        Money total = money(event.total() == null ? null : event.total().amount(),
                event.total() == null ? null : event.total().currency(), "total", event);
        Ownership ownership = ownership(event.salesRepId(), event.orgPath(), "salesRepId", event);
        if (approvedOrders.existsById(event.orderId())) {
            log.info("Order {} is already recorded as approved; skipping the copy", event.orderId());
            return;
        }
        Instant approvedAt = event.approvedAt() == null ? Instant.now(clock) : event.approvedAt();
        approvedOrders.save(new ApprovedOrder(event.orderId(), event.customerId(), total, ownership, approvedAt,
                Instant.now(clock)));
    }

    /**
     * Issues one invoice per dispatched shipment, at the unit prices the shipment carries. Idempotent
     * by shipment id (also unique in the database): a copy under another event id issues nothing.
     * The invoice inherits the order's ownership: from the recorded approved order, or, when the
     * shipment arrives before the approval, from the shipment (which logistics-service copied from
     * the same order).
     */
    @Transactional
    public void invoiceShipment(ShipmentDispatched event) {
        requireId(event.shipmentId(), "shipmentId", event);
        requireId(event.orderId(), "orderId", event);
        requireId(event.customerId(), "customerId", event);
        Ownership shipmentOwnership = ownership(event.ownerId(), event.orgPath(), "ownerId", event);
        String currency = event.currency();
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw poison(event, "currency is not an ISO-4217 code: " + currency);
        }
        if (event.lines() == null || event.lines().isEmpty()) {
            throw poison(event, "it has no lines");
        }
        List<Invoice.LineItem> items = new ArrayList<>();
        Money total = Money.zero(currency);
        for (ShipmentDispatched.Line line : event.lines()) {
            if (line == null) {
                throw poison(event, "a line is null");
            }
            requireId(line.productId(), "lines.productId", event);
            if (line.quantity() <= 0 || line.unitPrice() == null || line.unitPrice().signum() < 0
                    || line.unitPrice().stripTrailingZeros().scale() > 4) {
                throw poison(event, "line of " + line.productId() + " needs a positive quantity and a unit price"
                        + " of zero or more with at most 4 decimals");
            }
            total = total.plus(Money.times(line.unitPrice(), line.quantity(), currency));
            items.add(new Invoice.LineItem(line.productId(), line.quantity(), line.unitPrice()));
        }
        if (total.amount().compareTo(MAX_AMOUNT) >= 0) {
            throw poison(event, "its total " + total + " is out of range");
        }
        if (invoices.existsByShipmentId(event.shipmentId())) {
            log.info("Shipment {} is already invoiced; skipping the copy", event.shipmentId());
            return;
        }
        Ownership ownership = approvedOrders.findById(event.orderId()).map(ApprovedOrder::ownership)
                .orElse(shipmentOwnership);
        Instant now = Instant.now(clock);
        Invoice invoice = Invoice.issue(newNumber(now), event.orderId(), event.customerId(), event.shipmentId(),
                currency, items, ownership, now);
        invoices.save(invoice);
        AfterCommit.increment(invoicesIssued);
        log.info("Issued invoice {} ({}) for shipment {} of order {}", invoice.number(), invoice.total(),
                event.shipmentId(), event.orderId());
    }

    /** An invoice in the caller's data scope; 404 when it does not exist or lies outside it. */
    @Transactional(readOnly = true)
    public Invoice get(String id) {
        return scope.visible(invoices.findById(id), Invoice::ownership, "invoice", id);
    }

    /** The invoices in the caller's data scope that match the filter. */
    @Transactional(readOnly = true)
    public Page<Invoice> search(Filter filter, Pageable pageable) {
        Specification<Invoice> spec = scope.specification();
        if (filter.orderId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("orderId"), filter.orderId()));
        }
        if (filter.customerId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("customerId"), filter.customerId()));
        }
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        return invoices.findAll(spec, pageable);
    }

    /**
     * Allocates a payment to a customer's invoice, inside the caller's transaction. The invoice row
     * stays locked until that transaction ends, so concurrent payments cannot overpay it.
     *
     * @throws ApiProblem 404 when the invoice does not exist, belongs to another customer or lies
     *         outside the caller's data scope, else the invoice's own rules ({@link Invoice#applyPayment})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Invoice allocatePayment(String invoiceId, String customerId, Money amount, Instant now) {
        Invoice invoice = scope.visible(invoices.lockById(invoiceId)
                .filter(found -> found.customerId().equals(customerId)), Invoice::ownership, "invoice", invoiceId);
        invoice.applyPayment(amount, now);
        return invoices.save(invoice);
    }

    /**
     * The customer's <em>whole</em> exposure in {@code currency}, over all of the customer's invoices
     * and approved orders whoever owns them and whoever asks: the input of the credit rule, which is
     * a business rule about the customer, not a view of the caller's data. Whoever uses it must not
     * show the sums to the caller (the credit check answers only its decision). Amounts in other
     * currencies are not counted.
     *
     * @param excludedOrderId an order whose invoices and not-invoiced remainder are left out (the
     *        order being credit-checked), or null
     */
    @Transactional(readOnly = true)
    public ReceivablesExposure exposureOf(String customerId, String currency, @Nullable String excludedOrderId) {
        return exposure(customerId, currency, excludedOrderId == null ? "" : excludedOrderId,
                ExposureQueries.EVERY_ROW);
    }

    /**
     * The part of the customer's exposure in {@code currency} the caller may see: only the invoices
     * and approved orders in the caller's data scope count (a rep: their own orders; a manager: their
     * org subtree; finance, directors: everything), so a total never shows more than the invoice
     * list does.
     */
    @Transactional(readOnly = true)
    public ReceivablesExposure visibleExposureOf(String customerId, String currency) {
        return exposure(customerId, currency, "", alias -> scope.sql(alias + ".owner_id", alias + ".org_path"));
    }

    private ReceivablesExposure exposure(String customerId, String currency, String excludedOrderId,
            ExposureQueries.Rows rows) {
        return new ReceivablesExposure(
                Money.of(exposure.openBalanceOf(customerId, currency, excludedOrderId, rows), currency),
                Money.of(exposure.notInvoicedOf(customerId, currency, excludedOrderId, rows), currency));
    }

    private String newNumber(Instant now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            StringBuilder number = new StringBuilder("INV-").append(NUMBER_DATE.format(now)).append('-');
            for (int i = 0; i < 6; i++) {
                number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!invoices.existsByNumber(number.toString())) {
                return number.toString();
            }
        }
        throw new IllegalStateException("Could not find a free invoice number");
    }

    private static Money money(@Nullable BigDecimal amount, @Nullable String currency, String field, Object event) {
        if (amount == null || currency == null || !currency.matches("[A-Z]{3}") || amount.signum() < 0
                || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw poison(event, field + " is not a valid amount: " + amount + " " + currency);
        }
        return Money.of(amount, currency);
    }

    /** The ownership an event carries; an event without one can never be applied. */
    private static Ownership ownership(@Nullable String ownerId, @Nullable String orgPath, String ownerField,
            Object event) {
        if (ownerId == null || ownerId.isBlank() || ownerId.length() > MAX_OWNER_ID) {
            throw poison(event, ownerField + " is not a valid owner id: " + ownerId);
        }
        if (orgPath == null || !orgPath.startsWith("/") || orgPath.length() > MAX_ORG_PATH) {
            throw poison(event, "orgPath is not a valid org path: " + orgPath);
        }
        return new Ownership(ownerId, orgPath);
    }

    private static void requireId(@Nullable String id, String field, Object event) {
        if (id == null || !id.matches(ID)) {
            throw poison(event, field + " is not a valid id: " + id);
        }
    }

    private static PoisonEventException poison(Object event, String why) {
        return new PoisonEventException(event.getClass().getSimpleName() + " cannot be applied: " + why, null);
    }
}
