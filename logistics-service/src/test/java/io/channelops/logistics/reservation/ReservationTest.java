package io.channelops.logistics.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.events.logistics.ReservedLine;
import io.channelops.events.logistics.StockReserved;
import io.channelops.events.logistics.StockShortage;
import io.channelops.platform.outbox.EventJson;
import io.channelops.platform.security.Ownership;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

    private static final Ownership REP = new Ownership("u-rep-east1-a", "/hq/east/team-1");

    private static final Reservation.Order ORDER = new Reservation.Order("o-1", "SO-1", "c-1", "CNY", List.of(
            new ReservationLine(1, "P", 10, new BigDecimal("12.50")),
            new ReservationLine(2, "Q", 1, new BigDecimal("3.00")),
            new ReservationLine(3, "P", 2, new BigDecimal("11.00"))), REP);

    @Test
    void aReservedOrderPublishesStockReservedWithQuantitiesPerWarehouseAndProduct() {
        Reservation reservation = Reservation.reserved(ORDER, List.of(
                new ReservationAllocation(1, "P", "wh-b", 7),
                new ReservationAllocation(1, "P", "wh-a", 3),
                new ReservationAllocation(2, "Q", "wh-b", 1),
                new ReservationAllocation(3, "P", "wh-b", 2)), NOW);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(reservation.orderId()).isEqualTo("o-1");
        assertThat(reservation.lines()).hasSize(3);
        assertThat(reservation.ownership()).isEqualTo(REP);
        assertThat(reservation.pendingEvents()).containsExactly(new StockReserved("o-1", List.of(
                new ReservedLine("P", "wh-a", 3),
                new ReservedLine("P", "wh-b", 9),
                new ReservedLine("Q", "wh-b", 1)), NOW));
    }

    @Test
    void aBackorderedOrderReservesNothingAndPublishesStockShortage() {
        Reservation reservation = Reservation.backordered(ORDER, List.of(new Allocation.Missing("P", 4)), NOW);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.BACKORDERED);
        assertThat(reservation.allocations()).isEmpty();
        assertThat(reservation.ownership()).isEqualTo(REP);
        assertThat(reservation.lines()).extracting(ReservationLine::productId).containsExactly("P", "Q", "P");
        assertThat(reservation.pendingEvents()).containsExactly(new StockShortage("o-1",
                List.of(new ReservedLine("P", Reservation.ANY_WAREHOUSE, 4)), NOW));
    }

    @Test
    void publishedEventsSurviveAJsonRoundTrip() {
        StockReserved reserved = new StockReserved("o-1", List.of(new ReservedLine("P", "wh-a", 3)), NOW);
        StockShortage shortage = new StockShortage("o-1", List.of(new ReservedLine("P", "", 4)), NOW);

        assertThat(EventJson.read(EventJson.write(reserved), StockReserved.class)).isEqualTo(reserved);
        assertThat(EventJson.read(EventJson.write(shortage), StockShortage.class)).isEqualTo(shortage);
    }
}
