package io.channelops.sales.pricelist;

import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A line of a price list: the price of one product, or of every product of a category subtree, in the list's
 * currency: a list price, a floor price no quote may go below without approval (≤ list price), and quantity breaks
 * (ascending, each ≥ the floor). Part of the {@link PriceList} aggregate; changed only through it.
 */
@Entity
@Table(name = "price_list_lines")
@Audited
public class PriceListLine {

    public static final int MAX_BREAKS = 20;

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "price_list_id", nullable = false)
    private @Nullable PriceList priceList;

    @Column(name = "product_id", length = 36)
    private @Nullable String productId;

    @Column(name = "category_id", length = 36)
    private @Nullable String categoryId;

    @Column(name = "list_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal listPrice;

    @Column(name = "floor_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal floorPrice;

    @Convert(converter = PriceBreaksConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    private List<PriceBreak> breaks;

    protected PriceListLine() {
        // for JPA
        this.id = "";
        this.listPrice = BigDecimal.ZERO;
        this.floorPrice = BigDecimal.ZERO;
        this.breaks = List.of();
    }

    PriceListLine(PriceList priceList, Prices prices) {
        this.id = UUID.randomUUID().toString();
        this.priceList = priceList;
        this.listPrice = BigDecimal.ZERO;
        this.floorPrice = BigDecimal.ZERO;
        this.breaks = List.of();
        this.productId = prices.productId();
        this.categoryId = prices.categoryId();
        reprice(prices);
    }

    /**
     * What a line prices and at what. Exactly one of {@code productId} and {@code categoryId}.
     */
    public record Prices(@Nullable String productId, @Nullable String categoryId, BigDecimal listPrice,
            BigDecimal floorPrice, List<PriceBreak> breaks) {

        /** Checks the line's rules; 422 problems name the broken one. */
        public Prices {
            productId = productId == null || productId.isBlank() ? null : productId.strip();
            categoryId = categoryId == null || categoryId.isBlank() ? null : categoryId.strip();
            if ((productId == null) == (categoryId == null)) {
                throw ApiProblem.unprocessable("PRICE_LINE_TARGET",
                        "A price list line prices either one product (productId) or one category (categoryId)");
            }
            listPrice = money(listPrice);
            floorPrice = money(floorPrice);
            if (floorPrice.compareTo(listPrice) > 0) {
                throw ApiProblem.unprocessable("FLOOR_ABOVE_LIST_PRICE", "The floor price " + floorPrice
                        + " is above the list price " + listPrice, floorPrice, listPrice);
            }
            if (breaks.size() > MAX_BREAKS) {
                throw ApiProblem.unprocessable("PRICE_BREAKS_INVALID", "A line has at most " + MAX_BREAKS
                        + " quantity breaks", MAX_BREAKS);
            }
            int previous = 1;
            List<PriceBreak> checked = new java.util.ArrayList<>();
            for (PriceBreak priceBreak : breaks) {
                if (priceBreak.minQuantity() <= previous) {
                    throw ApiProblem.unprocessable("PRICE_BREAKS_INVALID", "Quantity breaks start above 1 and "
                            + "ascend strictly by minQuantity; " + priceBreak.minQuantity() + " does not",
                            priceBreak.minQuantity());
                }
                BigDecimal price = money(priceBreak.price());
                if (price.compareTo(floorPrice) < 0) {
                    throw ApiProblem.unprocessable("PRICE_BREAK_BELOW_FLOOR", "The break from "
                            + priceBreak.minQuantity() + " at " + price + " is below the floor price " + floorPrice,
                            priceBreak.minQuantity(), price, floorPrice);
                }
                previous = priceBreak.minQuantity();
                checked.add(new PriceBreak(priceBreak.minQuantity(), price));
            }
            breaks = List.copyOf(checked);
        }

        private static BigDecimal money(BigDecimal amount) {
            if (amount.signum() < 0) {
                throw ApiProblem.unprocessable("PRICE_INVALID", "A price cannot be negative: " + amount, amount);
            }
            try {
                return amount.setScale(2, RoundingMode.UNNECESSARY);
            }
            catch (ArithmeticException ex) {
                throw ApiProblem.unprocessable("PRICE_INVALID", "A price has at most 2 decimal places: " + amount,
                        amount);
            }
        }
    }

    /** Changes the prices; the target (product or category) stays. Returns whether anything changed. */
    boolean reprice(Prices prices) {
        boolean changed = listPrice.compareTo(prices.listPrice()) != 0 || floorPrice.compareTo(prices.floorPrice()) != 0
                || !breaks.equals(prices.breaks());
        listPrice = prices.listPrice();
        floorPrice = prices.floorPrice();
        breaks = prices.breaks();
        return changed;
    }

    /** Whether this line prices the same thing as {@code prices}. */
    boolean sameTarget(Prices prices) {
        return java.util.Objects.equals(productId, prices.productId())
                && java.util.Objects.equals(categoryId, prices.categoryId());
    }

    /** The line's fields as its history compares them. */
    Map<String, @Nullable Object> auditedState() {
        Map<String, @Nullable Object> state = new LinkedHashMap<>();
        state.put("productId", productId);
        state.put("categoryId", categoryId);
        state.put("listPrice", listPrice);
        state.put("floorPrice", floorPrice);
        state.put("breaks", breaks);
        return state;
    }

    public String id() {
        return id;
    }

    public @Nullable String productId() {
        return productId;
    }

    public @Nullable String categoryId() {
        return categoryId;
    }

    public BigDecimal listPrice() {
        return listPrice;
    }

    public BigDecimal floorPrice() {
        return floorPrice;
    }

    public List<PriceBreak> breaks() {
        return breaks;
    }
}
