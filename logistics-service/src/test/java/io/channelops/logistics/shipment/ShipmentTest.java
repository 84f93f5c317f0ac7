package io.channelops.logistics.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.platform.outbox.EventJson;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentTest {

    private static final Instant CREATED = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2025-06-02T09:30:00Z");
    private static final Ownership REP = new Ownership("u-rep-east1-a", "/hq/east/team-1");

    private static Shipment ready() {
        return Shipment.ready("o-1", "c-1", "wh-1", "CNY", List.of(
                new ShipmentLine(1, "P", 3, new BigDecimal("12.50")),
                new ShipmentLine(2, "Q", 1, new BigDecimal("99.99"))), REP, CREATED);
    }

    @Test
    void aNewShipmentIsReadyAndTotalsItsLines() {
        Shipment shipment = ready();

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.READY);
        assertThat(shipment.total()).isEqualByComparingTo("137.49");
        assertThat(shipment.dispatchedAt()).isNull();
        assertThat(shipment.pendingEvents()).isEmpty();
        assertThat(shipment.ownership()).isEqualTo(REP);
    }

    @Test
    void dispatchingPublishesShipmentDispatchedWithTheOrderPricesAndTheOrdersOwner() {
        Shipment shipment = ready();

        shipment.dispatch(LATER);

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(shipment.dispatchedAt()).isEqualTo(LATER);
        assertThat(shipment.pendingEvents()).containsExactly(new ShipmentDispatched(shipment.id(), "o-1", "c-1",
                "wh-1", List.of(new ShipmentDispatched.Line("P", 3, new BigDecimal("12.50")),
                        new ShipmentDispatched.Line("Q", 1, new BigDecimal("99.99"))), "CNY", LATER,
                "u-rep-east1-a", "/hq/east/team-1"));
    }

    @Test
    void aDispatchedShipmentCannotBeDispatchedAgain() {
        Shipment shipment = ready();
        shipment.dispatch(LATER);

        assertThatThrownBy(() -> shipment.dispatch(LATER)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo("ILLEGAL_STATE_TRANSITION");
            assertThat(problem.status().value()).isEqualTo(409);
        });
        assertThat(shipment.pendingEvents()).hasSize(1);
    }

    @Test
    void aShipmentNeedsLinesWithPositiveQuantities() {
        assertThatThrownBy(() -> Shipment.ready("o", "c", "w", "CNY", List.of(), REP, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShipmentLine(1, "P", 0, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shipmentDispatchedSurvivesAJsonRoundTrip() {
        ShipmentDispatched event = new ShipmentDispatched("s-1", "o-1", "c-1", "wh-1",
                List.of(new ShipmentDispatched.Line("P", 3, new BigDecimal("12.50"))), "CNY", LATER,
                "u-rep-east1-a", "/hq/east/team-1");

        assertThat(EventJson.read(EventJson.write(event), ShipmentDispatched.class)).isEqualTo(event);
    }
}
