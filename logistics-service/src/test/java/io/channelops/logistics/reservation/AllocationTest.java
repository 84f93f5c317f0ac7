package io.channelops.logistics.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.logistics.reservation.Allocation.Allocated;
import io.channelops.logistics.reservation.Allocation.Candidate;
import io.channelops.logistics.reservation.Allocation.Demand;
import io.channelops.logistics.reservation.Allocation.Missing;
import io.channelops.logistics.reservation.Allocation.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static Candidate stock(String warehouse, String region, String product, long available) {
        return new Candidate("id-" + warehouse, warehouse, region, product, available);
    }

    @Test
    void fillsALineFromTheWarehouseWithTheMostAvailable() {
        Plan plan = Allocation.allocate(List.of(new Demand(1, "P", 4)),
                List.of(stock("A", "EAST", "P", 5), stock("B", "WEST", "P", 9)), Allocation.MOST_AVAILABLE_FIRST);

        assertThat(plan.complete()).isTrue();
        assertThat(plan.allocated()).containsExactly(new Allocated(1, "P", "id-B", 4));
    }

    @Test
    void splitsALineAcrossWarehousesMostAvailableFirstWhenNoneHoldsEnough() {
        Plan plan = Allocation.allocate(List.of(new Demand(1, "P", 12)),
                List.of(stock("A", "EAST", "P", 5), stock("B", "WEST", "P", 7), stock("C", "EAST", "P", 3)),
                Allocation.MOST_AVAILABLE_FIRST);

        assertThat(plan.allocated()).containsExactly(new Allocated(1, "P", "id-B", 7),
                new Allocated(1, "P", "id-A", 5));
        assertThat(plan.missing()).isEmpty();
    }

    @Test
    void laterLinesOfTheSameProductDrawOnWhatEarlierLinesLeft() {
        Plan plan = Allocation.allocate(List.of(new Demand(1, "P", 6), new Demand(2, "P", 4)),
                List.of(stock("A", "EAST", "P", 8), stock("B", "WEST", "P", 5)), Allocation.MOST_AVAILABLE_FIRST);

        // line 1 takes 6 of A's 8; then B (5) has more than A (2) left
        assertThat(plan.allocated()).containsExactly(new Allocated(1, "P", "id-A", 6),
                new Allocated(2, "P", "id-B", 4));
    }

    @Test
    void ignoresOtherProductsAndEmptyWarehouses() {
        Plan plan = Allocation.allocate(List.of(new Demand(1, "P", 2), new Demand(2, "Q", 1)),
                List.of(stock("A", "EAST", "Q", 50), stock("B", "EAST", "P", 0), stock("C", "EAST", "P", 2)),
                Allocation.MOST_AVAILABLE_FIRST);

        assertThat(plan.allocated()).containsExactly(new Allocated(1, "P", "id-C", 2),
                new Allocated(2, "Q", "id-A", 1));
    }

    @Test
    void reservesNothingAndReportsWhatIsMissingPerProductWhenAnyLineIsShort() {
        Plan plan = Allocation.allocate(
                List.of(new Demand(1, "P", 3), new Demand(2, "Q", 10), new Demand(3, "Q", 2), new Demand(4, "R", 1)),
                List.of(stock("A", "EAST", "P", 5), stock("A", "EAST", "Q", 4), stock("B", "WEST", "Q", 3)),
                Allocation.MOST_AVAILABLE_FIRST);

        assertThat(plan.complete()).isFalse();
        assertThat(plan.allocated()).isEmpty();
        assertThat(plan.missing()).containsExactly(new Missing("Q", 5), new Missing("R", 1));
    }

    @Test
    void breaksTiesByWarehouseCode() {
        Plan plan = Allocation.allocate(List.of(new Demand(1, "P", 1)),
                List.of(stock("ZZ", "EAST", "P", 4), stock("AA", "WEST", "P", 4)), Allocation.MOST_AVAILABLE_FIRST);

        assertThat(plan.allocated()).containsExactly(new Allocated(1, "P", "id-AA", 1));
    }

    @Test
    void nearestRegionFirstPrefersTheCustomersRegionOverMoreStockElsewhere() {
        Plan plan = Allocation.allocate(List.of(new Demand(1, "P", 6)),
                List.of(stock("A", "EAST", "P", 100), stock("B", "WEST", "P", 2), stock("C", "WEST", "P", 3)),
                Allocation.nearestRegionFirst("west"));

        assertThat(plan.allocated()).containsExactly(new Allocated(1, "P", "id-C", 3),
                new Allocated(1, "P", "id-B", 2), new Allocated(1, "P", "id-A", 1));
    }

    @Test
    void refusesALineAskingForNothing() {
        assertThatThrownBy(() -> Allocation.allocate(List.of(new Demand(1, "P", 0)),
                List.of(stock("A", "EAST", "P", 5)), Allocation.MOST_AVAILABLE_FIRST))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
