package io.channelops.logistics.reservation;

import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderLine;
import io.channelops.logistics.shipment.ShipmentLine;
import io.channelops.logistics.shipment.ShipmentService;
import io.channelops.logistics.stock.StockLevel;
import io.channelops.logistics.stock.StockService;
import io.channelops.logistics.warehouse.Warehouse;
import io.channelops.logistics.warehouse.WarehouseService;
import io.channelops.platform.inbox.PoisonEventException;
import io.channelops.platform.observability.AfterCommit;
import io.channelops.platform.security.Ownership;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves stock for approved orders: every line or nothing, in one transaction (the inbox's,
 * when called from the listener) together with the shipments and the published event. The
 * reservation and its shipments belong to the order's owner: {@code salesRepId} in the event's
 * {@code orgPath}.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);
    private static final int MAX_ID = 64;
    private static final int MAX_ORG_PATH = 255;

    private final Reservations reservations;
    private final StockService stock;
    private final WarehouseService warehouses;
    private final ShipmentService shipments;
    private final Clock clock;
    private final Counter shortages;

    public ReservationService(Reservations reservations, StockService stock, WarehouseService warehouses,
            ShipmentService shipments, Clock clock, MeterRegistry meters) {
        this.reservations = reservations;
        this.stock = stock;
        this.warehouses = warehouses;
        this.shipments = shipments;
        this.clock = clock;
        this.shortages = Counter.builder("channelops.stock.shortages")
                .description("Approved orders that could not be reserved for lack of stock (back-ordered)")
                .register(meters);
    }

    /**
     * Reserves an approved order. Idempotent by order id: an order that already has a reservation
     * (reserved or backordered) is left alone, whichever event id brings it again.
     *
     * <p>Backordered orders are not retried when stock arrives yet: that is a later feature (a
     * receipt would look for BACKORDERED reservations of its product and try them again, oldest
     * first, using the order lines kept on the reservation).
     */
    @Transactional
    public void reserve(OrderApproved order) {
        Reservation.Order request = checked(order);
        if (reservations.existsByOrderId(request.orderId())) {
            log.info("Order {} already has a reservation; OrderApproved ignored", request.orderId());
            return;
        }
        Set<String> productIds = new LinkedHashSet<>();
        request.lines().forEach(line -> productIds.add(line.productId()));
        List<StockLevel> levels = stock.lockLevelsOf(productIds);
        Map<String, Warehouse> byId = warehouses.byIds(levels.stream().map(StockLevel::warehouseId).distinct()
                .toList());
        List<Allocation.Candidate> candidates = levels.stream()
                .map(level -> {
                    Warehouse warehouse = byId.get(level.warehouseId());
                    return new Allocation.Candidate(level.warehouseId(), warehouse.code(), warehouse.regionCode(),
                            level.productId(), level.available());
                })
                .toList();
        List<Allocation.Demand> demands = request.lines().stream()
                .map(line -> new Allocation.Demand(line.lineNo(), line.productId(), line.quantity()))
                .toList();
        Allocation.Plan plan = Allocation.allocate(demands, candidates, preferenceFor(order));
        Instant now = Instant.now(clock);
        if (!plan.complete()) {
            log.info("Order {} is short of {}; nothing reserved", request.orderId(), plan.missing());
            reservations.save(Reservation.backordered(request, plan.missing(), now));
            AfterCommit.increment(shortages);
            return;
        }
        stock.reserve(plan.allocated().stream()
                .map(a -> new StockService.Move(a.warehouseId(), a.productId(), a.quantity())).toList(),
                request.orderId());
        prepareShipments(request, plan.allocated(), byId);
        reservations.save(Reservation.reserved(request, plan.allocated().stream()
                .map(a -> new ReservationAllocation(a.lineNo(), a.productId(), a.warehouseId(), a.quantity()))
                .toList(), now));
    }

    /**
     * In which order warehouses are drawn from. The seam for "nearest warehouse for the
     * customer's region first": {@code OrderApproved} carries no region yet. Once it does (or once
     * this service keeps customers' regions from {@code CustomerRegistered} on customer.customers),
     * answer {@code Allocation.nearestRegionFirst(region)} here.
     */
    private Comparator<Allocation.Candidate> preferenceFor(OrderApproved order) {
        return Allocation.MOST_AVAILABLE_FIRST;
    }

    /** One READY shipment per warehouse, its lines at the order's unit prices. */
    private void prepareShipments(Reservation.Order order, List<Allocation.Allocated> allocated,
            Map<String, Warehouse> warehousesById) {
        Map<Integer, BigDecimal> unitPrices = new LinkedHashMap<>();
        order.lines().forEach(line -> unitPrices.put(line.lineNo(), line.unitPrice()));
        Map<String, List<ShipmentLine>> perWarehouse = new LinkedHashMap<>();
        allocated.stream()
                .sorted(Comparator.comparing((Allocation.Allocated a) -> warehousesById.get(a.warehouseId()).code())
                        .thenComparingInt(Allocation.Allocated::lineNo))
                .forEach(a -> perWarehouse.computeIfAbsent(a.warehouseId(), w -> new ArrayList<>())
                        .add(new ShipmentLine(a.lineNo(), a.productId(), a.quantity(), unitPrices.get(a.lineNo()))));
        perWarehouse.forEach((warehouseId, lines) -> shipments.prepare(new ShipmentService.Preparation(
                order.orderId(), order.customerId(), warehouseId, order.currency(), lines, order.ownership())));
    }

    /** The event as a reservation request, or a poison event when it can never be reserved. */
    private static Reservation.Order checked(OrderApproved order) {
        requireId(order.orderId(), "orderId");
        requireId(order.orderNumber(), "orderNumber");
        requireId(order.customerId(), "customerId");
        requireId(order.salesRepId(), "salesRepId");
        if (order.orgPath() == null || !order.orgPath().startsWith("/") || order.orgPath().length() > MAX_ORG_PATH) {
            throw poison(order, "orgPath must be an org path such as /hq/east/team-1");
        }
        if (order.total() == null || order.total().currency() == null
                || !order.total().currency().matches("[A-Z]{3}")) {
            throw poison(order, "total.currency must be an ISO-4217 code");
        }
        if (order.lines() == null || order.lines().isEmpty()) {
            throw poison(order, "it has no lines");
        }
        Set<Integer> lineNos = new LinkedHashSet<>();
        for (OrderLine line : order.lines()) {
            if (line == null) {
                throw poison(order, "a line is null");
            }
            requireId(line.productId(), "lines.productId");
            if (line.quantity() < 1) {
                throw poison(order, "line " + line.lineNo() + " asks for " + line.quantity());
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2
                    || line.unitPrice().precision() - line.unitPrice().scale() > 17) {
                throw poison(order, "line " + line.lineNo() + " has no valid unit price");
            }
            if (!lineNos.add(line.lineNo())) {
                throw poison(order, "line number " + line.lineNo() + " appears twice");
            }
        }
        List<ReservationLine> lines = order.lines().stream()
                .sorted(Comparator.comparingInt(OrderLine::lineNo))
                .map(l -> new ReservationLine(l.lineNo(), l.productId(), l.quantity(), l.unitPrice()))
                .toList();
        return new Reservation.Order(order.orderId(), order.orderNumber(), order.customerId(),
                order.total().currency(), lines, new Ownership(order.salesRepId(), order.orgPath()));
    }

    private static void requireId(String value, String field) {
        if (value == null || value.isBlank() || value.length() > MAX_ID) {
            throw new PoisonEventException("OrderApproved cannot be reserved: " + field + " is missing or longer than "
                    + MAX_ID, null);
        }
    }

    private static PoisonEventException poison(OrderApproved order, String why) {
        return new PoisonEventException("OrderApproved " + order.orderId() + " cannot be reserved: " + why, null);
    }
}
