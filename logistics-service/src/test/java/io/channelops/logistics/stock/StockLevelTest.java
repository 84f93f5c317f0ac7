package io.channelops.logistics.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockLevelTest {

    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

    private static StockLevel levelWith(long onHand) {
        StockLevel level = StockLevel.empty("wh-1", "P", NOW);
        level.receive(onHand, "initial", NOW);
        return level;
    }

    @Test
    void aReceiptAddsToOnHandAndRecordsTheLevelAfterIt() {
        StockLevel level = levelWith(10);

        StockMovement receipt = level.receive(5, "PO-1", NOW);

        assertThat(level.onHand()).isEqualTo(15);
        assertThat(level.available()).isEqualTo(15);
        assertThat(receipt.type()).isEqualTo(MovementType.RECEIPT);
        assertThat(receipt.quantity()).isEqualTo(5);
        assertThat(receipt.onHandChange()).isEqualTo(5);
        assertThat(receipt.reservedChange()).isZero();
        assertThat(receipt.onHandAfter()).isEqualTo(15);
        assertThat(receipt.reference()).isEqualTo("PO-1");
    }

    @Test
    void aReceiptBringsOneToAMillionUnits() {
        StockLevel level = levelWith(1);

        assertThatThrownBy(() -> level.receive(0, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> level.receive(1_000_001, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(level.onHand()).isEqualTo(1);
    }

    @Test
    void reservingSetsStockAsideWithoutMovingIt() {
        StockLevel level = levelWith(10);

        StockMovement reservation = level.reserve(7, "o-1", NOW);

        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.reserved()).isEqualTo(7);
        assertThat(level.available()).isEqualTo(3);
        assertThat(reservation.type()).isEqualTo(MovementType.RESERVATION);
        assertThat(reservation.onHandChange()).isZero();
        assertThat(reservation.reservedChange()).isEqualTo(7);
        assertThat(reservation.reservedAfter()).isEqualTo(7);
    }

    @Test
    void cannotReserveMoreThanIsAvailable() {
        StockLevel level = levelWith(10);
        level.reserve(8, "o-1", NOW);

        assertThatThrownBy(() -> level.reserve(3, "o-2", NOW)).isInstanceOf(InsufficientStock.class);
        assertThat(level.reserved()).isEqualTo(8);
    }

    @Test
    void dispatchTakesReservedGoodsOutOfTheWarehouse() {
        StockLevel level = levelWith(10);
        level.reserve(6, "o-1", NOW);

        StockMovement dispatch = level.dispatch(4, "s-1", NOW);

        assertThat(level.onHand()).isEqualTo(6);
        assertThat(level.reserved()).isEqualTo(2);
        assertThat(level.available()).isEqualTo(4);
        assertThat(dispatch.type()).isEqualTo(MovementType.DISPATCH);
        assertThat(dispatch.onHandChange()).isEqualTo(-4);
        assertThat(dispatch.reservedChange()).isEqualTo(-4);
    }

    @Test
    void cannotDispatchWhatIsNotReserved() {
        StockLevel level = levelWith(10);
        level.reserve(2, "o-1", NOW);

        assertThatThrownBy(() -> level.dispatch(3, "s-1", NOW)).isInstanceOf(InsufficientStock.class);
        assertThat(level.onHand()).isEqualTo(10);
    }
}
