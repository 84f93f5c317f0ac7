package io.channelops.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderCreditHeld;
import io.channelops.platform.security.Ownership;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The order's rules: totals, and which action each status allows. */
class OrderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final Ownership REP = new Ownership("rep-1", "/hq/east/team-1");

    private static Order.PricedLine line(String product, long quantity, String unitPrice) {
        return new Order.PricedLine(product, quantity, new BigDecimal(unitPrice), "LIST_PRICE");
    }

    /** 3 × 12.50 + 7 × 0.33 = 39.81 CNY. */
    private static Order draft() {
        return Order.draft("SO-TEST000001", "customer-1", REP, "CNY",
                List.of(line("widget", 3, "12.50"), line("gadget", 7, "0.33")), NOW);
    }

    private static Order inStatus(OrderStatus status) {
        Order order = draft();
        switch (status) {
            case DRAFT -> { }
            case APPROVED -> order.submitApproved(NOW);
            case CREDIT_HOLD -> order.submitHeld("CREDIT_LIMIT_EXCEEDED", NOW);
            case CREDIT_CHECK_PENDING -> order.submitPending("finance-service answered 500", LATER, NOW);
            case CANCELLED -> order.cancel(NOW);
            case BACKORDERED -> {
                order.submitApproved(NOW);
                order.backorder(NOW);
            }
            case SHIPPED -> {
                order.submitApproved(NOW);
                order.recordDispatch("shipment-1", Map.of("widget", 3L, "gadget", 7L), NOW);
            }
        }
        assertThat(order.status()).isEqualTo(status);
        return order;
    }

    private static void assertIllegal(Runnable action, String expectedAction) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(IllegalOrderTransition.class, ex -> {
            assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(ex.code()).isEqualTo("ILLEGAL_STATE_TRANSITION");
            assertThat(ex.args()[0]).isEqualTo(expectedAction);
        });
    }

    @Test
    void aDraftTotalsItsLinesToTheCent() {
        Order order = draft();
        assertThat(order.status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(order.lines()).extracting(OrderLine::lineNo).containsExactly(1, 2);
        assertThat(order.lines().get(0).lineTotal()).isEqualByComparingTo("37.50");
        assertThat(order.lines().get(1).lineTotal()).isEqualByComparingTo("2.31");
        assertThat(order.total()).isEqualByComparingTo("39.81").hasScaleOf(2);
        assertThat(order.amountsInRange()).isTrue();
        assertThat(order.registeredEvents()).isEmpty();
    }

    @Test
    void anAmountBeyondFifteenIntegerDigitsIsOutOfRange() {
        Order huge = Order.draft("SO-TEST000002", "c", REP, "CNY", List.of(line("p", 1_000_000, "999999999999.99")),
                NOW);
        assertThat(huge.total()).isEqualByComparingTo("999999999999990000.00");
        assertThat(huge.amountsInRange()).isFalse();
        Order justFits = Order.draft("SO-TEST000003", "c", REP, "CNY",
                List.of(line("p", 1, "999999999999999.99")), NOW);
        assertThat(justFits.amountsInRange()).isTrue();
    }

    @Test
    void aDraftNeedsOneTo200LinesWithQuantitiesUpToAMillion() {
        assertThatThrownBy(() -> Order.draft("n", "c", REP, "CNY", List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        List<Order.PricedLine> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(line("p" + i, 1, "1.00"));
        }
        assertThatThrownBy(() -> Order.draft("n", "c", REP, "CNY", many, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Order.draft("n", "c", REP, "CNY", many.subList(0, 200), NOW).lines()).hasSize(200);
        assertThatThrownBy(() -> Order.draft("n", "c", REP, "CNY", List.of(line("p", 0, "1.00")), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.draft("n", "c", REP, "CNY", List.of(line("p", 1_000_001, "1.00")), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.draft("n", "c", REP, "CNY", List.of(line("p", 1, "1.005")), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void submittingWithCreditApprovedApprovesAndRaisesOrderApprovedWithLinesAndTotal() {
        Order order = draft();
        order.submitApproved(LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.submittedAt()).isEqualTo(LATER);
        assertThat(order.approvedAt()).isEqualTo(LATER);
        assertThat(order.creditCheckAttempts()).isEqualTo(1);
        assertThat(order.registeredEvents()).singleElement().isInstanceOfSatisfying(OrderApproved.class, event -> {
            assertThat(event.orderId()).isEqualTo(order.id());
            assertThat(event.orderNumber()).isEqualTo("SO-TEST000001");
            assertThat(event.salesRepId()).as("the owner is the sales rep").isEqualTo("rep-1");
            assertThat(event.orgPath()).isEqualTo("/hq/east/team-1");
            assertThat(event.total().amount()).isEqualByComparingTo("39.81");
            assertThat(event.total().currency()).isEqualTo("CNY");
            assertThat(event.lines()).extracting(l -> l.productId() + "×" + l.quantity() + "@" + l.unitPrice())
                    .containsExactly("widget×3@12.50", "gadget×7@0.33");
            assertThat(event.approvedAt()).isEqualTo(LATER);
        });
    }

    @Test
    void submittingWithCreditRejectedHoldsAndRaisesOrderCreditHeld() {
        Order order = draft();
        order.submitHeld("CREDIT_LIMIT_EXCEEDED", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.CREDIT_HOLD);
        assertThat(order.creditHoldReason()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(order.approvedAt()).isNull();
        assertThat(order.registeredEvents()).singleElement().isInstanceOfSatisfying(OrderCreditHeld.class, event -> {
            assertThat(event.reason()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
            assertThat(event.total().amount()).isEqualByComparingTo("39.81");
            assertThat(event.heldAt()).isEqualTo(LATER);
        });
    }

    @Test
    void submittingWithoutACreditDecisionWaitsForTheRecheckAndRaisesNothing() {
        Order order = draft();
        order.submitPending("finance-service answered 503", LATER, NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CREDIT_CHECK_PENDING);
        assertThat(order.creditCheckError()).isEqualTo("finance-service answered 503");
        assertThat(order.creditRecheckAfter()).isEqualTo(LATER);
        assertThat(order.registeredEvents()).isEmpty();

        order.recheckStillPending("finance-service circuit open", LATER.plusSeconds(10), LATER);
        assertThat(order.creditCheckAttempts()).isEqualTo(2);
        assertThat(order.creditRecheckAfter()).isEqualTo(LATER.plusSeconds(10));
        assertThat(order.registeredEvents()).isEmpty();

        order.recheckApproved(LATER.plusSeconds(10));
        assertThat(order.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.creditCheckAttempts()).isEqualTo(3);
        assertThat(order.creditRecheckAfter()).isNull();
        assertThat(order.creditCheckError()).isNull();
        assertThat(order.registeredEvents()).singleElement().isInstanceOf(OrderApproved.class);
    }

    @Test
    void aRecheckThatIsRejectedHoldsTheOrder() {
        Order order = inStatus(OrderStatus.CREDIT_CHECK_PENDING);
        order.recheckRejected("NO_CREDIT_ACCOUNT", LATER);
        assertThat(order.status()).isEqualTo(OrderStatus.CREDIT_HOLD);
        assertThat(order.registeredEvents()).singleElement().isInstanceOf(OrderCreditHeld.class);
    }

    @Test
    void releasingAHeldOrderApprovesIt() {
        Order order = inStatus(OrderStatus.CREDIT_HOLD);
        order.release(LATER);
        assertThat(order.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.approvedAt()).isEqualTo(LATER);
        assertThat(order.registeredEvents()).hasSize(2).last().isInstanceOf(OrderApproved.class);
    }

    @Test
    void onlyADraftCanBeSubmitted() {
        for (OrderStatus status : OrderStatus.values()) {
            if (status != OrderStatus.DRAFT) {
                Order order = inStatus(status);
                assertIllegal(() -> order.submitApproved(LATER), "submit");
                assertIllegal(order::checkCanSubmit, "submit");
                assertThat(order.status()).isEqualTo(status);
            }
        }
    }

    @Test
    void onlyAHeldOrderCanBeReleased() {
        for (OrderStatus status : OrderStatus.values()) {
            if (status != OrderStatus.CREDIT_HOLD) {
                Order order = inStatus(status);
                assertIllegal(() -> order.release(LATER), "release");
            }
        }
    }

    @Test
    void onlyOrdersNotYetApprovedCanBeCancelled() {
        for (OrderStatus status : List.of(OrderStatus.DRAFT, OrderStatus.CREDIT_HOLD,
                OrderStatus.CREDIT_CHECK_PENDING)) {
            Order order = inStatus(status);
            order.cancel(LATER);
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancelledAt()).isEqualTo(LATER);
            assertThat(order.creditRecheckAfter()).isNull();
        }
        for (OrderStatus status : List.of(OrderStatus.APPROVED, OrderStatus.BACKORDERED, OrderStatus.SHIPPED,
                OrderStatus.CANCELLED)) {
            Order order = inStatus(status);
            assertIllegal(() -> order.cancel(LATER), "cancel");
        }
    }

    @Test
    void onlyAPendingOrderTakesARecheckDecision() {
        Order cancelled = inStatus(OrderStatus.CANCELLED);
        assertIllegal(() -> cancelled.recheckApproved(LATER), "approve");
        assertIllegal(cancelled::checkAwaitsCreditCheck, "re-check credit of");
        Order approved = inStatus(OrderStatus.APPROVED);
        assertIllegal(() -> approved.recheckRejected("X", LATER), "hold");
    }

    @Test
    void aShortageBackOrdersAnApprovedOrderOnce() {
        Order order = inStatus(OrderStatus.APPROVED);
        assertThat(order.backorder(LATER)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.BACKORDERED);
        assertThat(order.backorderedAt()).isEqualTo(LATER);
        assertThat(order.backorder(LATER.plusSeconds(1))).isFalse();
        assertThat(order.backorderedAt()).isEqualTo(LATER);
        assertIllegal(() -> inStatus(OrderStatus.DRAFT).backorder(LATER), "back-order");
        assertIllegal(() -> inStatus(OrderStatus.SHIPPED).backorder(LATER), "back-order");
    }

    @Test
    void dispatchesCountPerProductAndShipTheOrderWhenEveryLineIsCovered() {
        Order order = inStatus(OrderStatus.APPROVED);
        assertThat(order.recordDispatch("s1", Map.of("widget", 2L, "gadget", 7L, "stranger", 5L), LATER)).isTrue();
        assertThat(order.lines()).extracting(OrderLine::shippedQuantity).containsExactly(2L, 7L);
        assertThat(order.status()).isEqualTo(OrderStatus.APPROVED);

        assertThat(order.recordDispatch("s1", Map.of("widget", 1L), LATER)).as("same shipment again").isFalse();
        assertThat(order.lines().get(0).shippedQuantity()).isEqualTo(2);

        assertThat(order.recordDispatch("s2", Map.of("widget", 5L), LATER)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.shippedAt()).isEqualTo(LATER);
        assertThat(order.lines().get(0).shippedQuantity()).as("never more than ordered").isEqualTo(3);
    }

    @Test
    void aDispatchFillsLinesOfTheSameProductInLineOrder() {
        Order order = Order.draft("SO-TEST000004", "c", REP, "CNY",
                List.of(line("p", 4, "1.00"), line("q", 1, "1.00"), line("p", 6, "1.00")), NOW);
        order.submitApproved(NOW);
        order.recordDispatch("s1", Map.of("p", 7L, "q", 1L), LATER);
        assertThat(order.lines()).extracting(OrderLine::shippedQuantity).containsExactly(4L, 1L, 3L);
        assertThat(order.status()).isEqualTo(OrderStatus.APPROVED);
        order.recordDispatch("s2", Map.of("p", 3L), LATER);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aBackOrderedOrderShipsWhenDispatchedInFullButADraftCannotShip() {
        Order order = inStatus(OrderStatus.BACKORDERED);
        order.recordDispatch("s1", Map.of("widget", 3L, "gadget", 7L), LATER);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertIllegal(() -> inStatus(OrderStatus.DRAFT).recordDispatch("s", Map.of("widget", 1L), LATER), "ship");
        assertIllegal(() -> inStatus(OrderStatus.CANCELLED).recordDispatch("s", Map.of("widget", 1L), LATER), "ship");
    }

    @Test
    void aLongHoldReasonIsCutToItsColumn() {
        Order order = draft();
        order.submitHeld("X".repeat(300), LATER);
        assertThat(order.creditHoldReason()).hasSize(Order.MAX_REASON_LENGTH);
    }

    @Test
    void theRecheckBacksOffExponentiallyUpToItsMaximum() {
        CreditSettings settings = new CreditSettings(Duration.ofSeconds(5), 20, Duration.ofMinutes(1),
                Duration.ofSeconds(5), Duration.ofSeconds(60));
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.backoff(1000)).isEqualTo(Duration.ofSeconds(60));
    }
}
