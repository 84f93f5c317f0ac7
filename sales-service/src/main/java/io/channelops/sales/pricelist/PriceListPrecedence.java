package io.channelops.sales.pricelist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules that pick the one price list line that prices a product for a buyer on a date, and the unit price at a
 * quantity. A plain class: no Spring, no database; callers hand it the candidate lines (which may be a superset: every
 * rule is checked here again).
 *
 * <ol>
 *   <li><b>Candidates</b>: lines of confirmed lists ({@code ACTIVE}, or {@code EXPIRED} for dates inside their
 *       validity) whose validity contains the date, whose every scope field set matches (region, customer type and
 *       level against the buyer; category against the product's category or one of its ancestors), and which price
 *       the product itself or its category or one of its ancestors. An unknown buyer matches only lists that set no
 *       customer field.</li>
 *   <li><b>One line per list</b>: the product's own line beats a category line; among category lines, the one of the
 *       nearest category (the product's own before its parent, and so on).</li>
 *   <li><b>One list</b>: the most specific scope wins: more scope fields set; then, as many set, the higher
 *       {@link PriceScope#weight() weight} (customerLevel 8 &gt; customerType 4 &gt; regionCode 2 &gt; categoryId 1);
 *       then, both scoped to a category, the nearer category; then the later {@code validFrom}; then the smaller list
 *       id, so the answer is always the same.</li>
 *   <li><b>Unit price</b>: the quantity break with the largest {@code minQuantity} ≤ quantity, else the line's list
 *       price.</li>
 * </ol>
 */
public final class PriceListPrecedence {

    /** Who buys, as the local customer copy classifies them; null fields never match a scope that sets them. */
    public record Buyer(@Nullable String regionCode, @Nullable String customerType, @Nullable String customerLevel) {

        public static final Buyer UNKNOWN = new Buyer(null, null, null);
    }

    /**
     * What to price.
     *
     * @param productCategories the product's category and its ancestors, nearest first (empty: no category)
     */
    public record Sale(String productId, List<String> productCategories, Buyer buyer, LocalDate date, int quantity) {

        public Sale {
            productCategories = List.copyOf(productCategories);
        }
    }

    /** One line of one list, with what of the list the rules need. */
    public record Candidate(String priceListId, String priceListName, String currency, PriceListStatus status,
            LocalDate validFrom, @Nullable LocalDate validTo, PriceScope scope, String lineId,
            @Nullable String lineProductId, @Nullable String lineCategoryId, BigDecimal listPrice,
            BigDecimal floorPrice, List<PriceBreak> breaks) {
    }

    /**
     * The line that prices the sale and the unit price it gives.
     *
     * @param appliedBreak the quantity break applied, null when the quantity is below every break
     */
    public record Choice(Candidate line, BigDecimal unitPrice, @Nullable PriceBreak appliedBreak) {
    }

    private PriceListPrecedence() {
    }

    /** The line that prices {@code sale}, or empty when no confirmed list applies. */
    public static Optional<Choice> choose(Sale sale, List<Candidate> candidates) {
        Map<String, Candidate> bestLinePerList = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            if (!applies(candidate, sale)) {
                continue;
            }
            bestLinePerList.merge(candidate.priceListId(), candidate,
                    (a, b) -> lineRank(a, sale) <= lineRank(b, sale) ? a : b);
        }
        return bestLinePerList.values().stream().min(listOrder(sale))
                .map(line -> new Choice(line, unitPrice(line, sale.quantity()), appliedBreak(line, sale.quantity())));
    }

    /** Whether the candidate's list and line apply to the sale at all. */
    static boolean applies(Candidate c, Sale sale) {
        if (!c.status().confirmed() || sale.date().isBefore(c.validFrom())
                || (c.validTo() != null && sale.date().isAfter(c.validTo()))) {
            return false;
        }
        PriceScope scope = c.scope();
        Buyer buyer = sale.buyer();
        if (!matches(scope.regionCode(), buyer.regionCode()) || !matches(scope.customerType(), buyer.customerType())
                || !matches(scope.customerLevel(), buyer.customerLevel())) {
            return false;
        }
        if (scope.categoryId() != null && !sale.productCategories().contains(scope.categoryId())) {
            return false;
        }
        return sale.productId().equals(c.lineProductId())
                || (c.lineCategoryId() != null && sale.productCategories().contains(c.lineCategoryId()));
    }

    /** 0 for the product's own line, 1 + distance for a category line (1 = the product's own category). */
    private static int lineRank(Candidate c, Sale sale) {
        if (c.lineProductId() != null) {
            return 0;
        }
        return 1 + sale.productCategories().indexOf(c.lineCategoryId());
    }

    /** Best first: specificity, weight, nearer scope category, later start, smaller id. */
    private static Comparator<Candidate> listOrder(Sale sale) {
        return Comparator.<Candidate>comparingInt(c -> c.scope().specificity()).reversed()
                .thenComparing(Comparator.<Candidate>comparingInt(c -> c.scope().weight()).reversed())
                .thenComparingInt(c -> scopeCategoryDistance(c, sale))
                .thenComparing(Comparator.comparing(Candidate::validFrom).reversed())
                .thenComparing(Candidate::priceListId);
    }

    private static int scopeCategoryDistance(Candidate c, Sale sale) {
        String category = c.scope().categoryId();
        return category == null ? 0 : sale.productCategories().indexOf(category);
    }

    private static boolean matches(@Nullable String scopeValue, @Nullable String buyerValue) {
        return scopeValue == null || scopeValue.equalsIgnoreCase(buyerValue);
    }

    /** The break with the largest minQuantity ≤ quantity, if any. */
    static @Nullable PriceBreak appliedBreak(Candidate line, int quantity) {
        PriceBreak applied = null;
        for (PriceBreak priceBreak : line.breaks()) {
            if (priceBreak.minQuantity() <= quantity
                    && (applied == null || priceBreak.minQuantity() > applied.minQuantity())) {
                applied = priceBreak;
            }
        }
        return applied;
    }

    static BigDecimal unitPrice(Candidate line, int quantity) {
        PriceBreak applied = appliedBreak(line, quantity);
        return applied == null ? line.listPrice() : applied.price();
    }
}
