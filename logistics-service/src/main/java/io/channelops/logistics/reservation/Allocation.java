package io.channelops.logistics.reservation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocation rule: which warehouses an approved order's lines are reserved from.
 *
 * <p>Lines are served in the order given. For each line the warehouses holding its product are
 * ranked by a preference (by default: most available first, then by warehouse code) and drawn
 * from in that order, so a line is split across warehouses only when no single warehouse can
 * fill it. All or nothing: if any line cannot be filled in full, the plan reserves nothing and
 * lists what is missing per product.
 *
 * <p>Pure: no Spring, no database; the caller passes availability read under row locks.
 */
public final class Allocation {

    /** Most available first; ties by warehouse code, so the result is deterministic. */
    public static final Comparator<Candidate> MOST_AVAILABLE_FIRST = Comparator
            .comparingLong(Candidate::available).reversed()
            .thenComparing(Candidate::warehouseCode)
            .thenComparing(Candidate::warehouseId);

    private Allocation() {
    }

    /**
     * Warehouses of the customer's region first, then {@link #MOST_AVAILABLE_FIRST}. The seam for
     * "nearest warehouse first": not used yet, because {@code OrderApproved} carries no region.
     */
    public static Comparator<Candidate> nearestRegionFirst(String regionCode) {
        return Comparator.<Candidate, Boolean>comparing(c -> !c.regionCode().equalsIgnoreCase(regionCode))
                .thenComparing(MOST_AVAILABLE_FIRST);
    }

    /** A quantity of a product one order line asks for. */
    public record Demand(int lineNo, String productId, long quantity) {
    }

    /** What one warehouse has available of one product. */
    public record Candidate(String warehouseId, String warehouseCode, String regionCode, String productId,
            long available) {

        Candidate less(long taken) {
            return new Candidate(warehouseId, warehouseCode, regionCode, productId, available - taken);
        }
    }

    /** A quantity of one order line to reserve in one warehouse. */
    public record Allocated(int lineNo, String productId, String warehouseId, long quantity) {
    }

    /** How much of a product could not be found across all warehouses. */
    public record Missing(String productId, long quantity) {
    }

    /** The outcome: either every line allocated and nothing missing, or nothing allocated and what is missing. */
    public record Plan(List<Allocated> allocated, List<Missing> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    public static Plan allocate(List<Demand> demands, List<Candidate> candidates, Comparator<Candidate> preference) {
        Map<String, Candidate> remaining = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            remaining.merge(key(candidate.warehouseId(), candidate.productId()), candidate,
                    (a, b) -> a.less(-b.available()));
        }
        List<Allocated> allocated = new ArrayList<>();
        Map<String, Long> missing = new LinkedHashMap<>();
        for (Demand demand : demands) {
            if (demand.quantity() < 1) {
                throw new IllegalArgumentException("Line " + demand.lineNo() + " asks for " + demand.quantity());
            }
            long needed = demand.quantity();
            List<Candidate> ranked = remaining.values().stream()
                    .filter(c -> c.productId().equals(demand.productId()) && c.available() > 0)
                    .sorted(preference)
                    .toList();
            for (Candidate candidate : ranked) {
                long taken = Math.min(needed, candidate.available());
                allocated.add(new Allocated(demand.lineNo(), demand.productId(), candidate.warehouseId(), taken));
                remaining.put(key(candidate.warehouseId(), candidate.productId()), candidate.less(taken));
                needed -= taken;
                if (needed == 0) {
                    break;
                }
            }
            if (needed > 0) {
                missing.merge(demand.productId(), needed, Long::sum);
            }
        }
        if (!missing.isEmpty()) {
            return new Plan(List.of(), missing.entrySet().stream()
                    .map(e -> new Missing(e.getKey(), e.getValue())).toList());
        }
        return new Plan(List.copyOf(allocated), List.of());
    }

    private static String key(String warehouseId, String productId) {
        return warehouseId + '\u0000' + productId;
    }
}
