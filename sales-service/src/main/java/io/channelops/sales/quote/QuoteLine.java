package io.channelops.sales.quote;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * One line of a quote version: a product and quantity, how the effective price priced it on the quote date, what
 * the rep asked for (a unit price, a discount in percent, or neither) and the price agreed.
 *
 * <p>Discounts are measured against {@link #listUnitPrice()}: the price the price list gives at this quantity (its
 * quantity break applied), so a list's own quantity break does not count against a rep's discount limit.
 *
 * @param requestedUnitPrice the unit price the rep asked for, if any
 * @param requestedDiscount the discount in percent the rep asked for, if any
 * @param unitPrice the agreed unit price: the requested one, else the list unit price less the requested discount
 *     (rounded half up to the cent), else the list unit price
 * @param discountPercent (list unit price − unit price) / list unit price × 100, to 2 places; negative for a price
 *     above the list; 0 when the list unit price is 0
 * @param netAmount unit price × quantity
 * @param vatAmount net amount × VAT rate, rounded half up to the cent
 */
@Embeddable
public record QuoteLine(
        @Column(name = "product_id", nullable = false, length = 36) String productId,
        @Column(name = "sku", nullable = false, length = 64) String sku,
        @Column(name = "product_name", nullable = false, length = 200) String productName,
        @Column(name = "quantity", nullable = false) int quantity,
        @Column(name = "requested_unit_price", precision = 19, scale = 2) @Nullable BigDecimal requestedUnitPrice,
        @Column(name = "requested_discount", precision = 5, scale = 2) @Nullable BigDecimal requestedDiscount,
        @Column(name = "price_source", nullable = false, length = 16) String priceSource,
        @Column(name = "price_list_id", length = 36) @Nullable String priceListId,
        @Column(name = "price_list_line_id", length = 36) @Nullable String priceListLineId,
        @Column(name = "list_price", nullable = false, precision = 19, scale = 2) BigDecimal listPrice,
        @Column(name = "list_unit_price", nullable = false, precision = 19, scale = 2) BigDecimal listUnitPrice,
        @Column(name = "floor_price", precision = 19, scale = 2) @Nullable BigDecimal floorPrice,
        @Column(name = "break_min_quantity") @Nullable Integer breakMinQuantity,
        @Column(name = "unit_price", nullable = false, precision = 19, scale = 2) BigDecimal unitPrice,
        @Column(name = "discount_percent", nullable = false, precision = 19, scale = 2) BigDecimal discountPercent,
        @Column(name = "vat_rate", nullable = false, precision = 5, scale = 4) BigDecimal vatRate,
        @Column(name = "net_amount", nullable = false, precision = 19, scale = 2) BigDecimal netAmount,
        @Column(name = "vat_amount", nullable = false, precision = 19, scale = 2) BigDecimal vatAmount) {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    /** The largest quantity of a line: what the effective price can price. */
    public static final int MAX_QUANTITY = io.channelops.sales.price.PriceQuery.MAX_QUANTITY;

    /**
     * Prices a line: the agreed unit price from what was requested (at most one of a unit price and a discount),
     * its discount against the list unit price, net and VAT amounts.
     */
    static QuoteLine price(PricedProduct price, int quantity, @Nullable BigDecimal requestedUnitPrice,
            @Nullable BigDecimal requestedDiscount) {
        if (requestedUnitPrice != null && requestedDiscount != null) {
            throw new IllegalArgumentException("Ask for a unit price or a discount, not both");
        }
        BigDecimal listUnit = cents(price.listUnitPrice());
        BigDecimal agreed;
        if (requestedUnitPrice != null) {
            agreed = cents(requestedUnitPrice);
        } else if (requestedDiscount != null) {
            agreed = listUnit.multiply(HUNDRED.subtract(requestedDiscount)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        } else {
            agreed = listUnit;
        }
        BigDecimal discount = listUnit.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : listUnit.subtract(agreed).multiply(HUNDRED).divide(listUnit, 2, RoundingMode.HALF_UP);
        BigDecimal net = agreed.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal vat = net.multiply(price.vatRate()).setScale(2, RoundingMode.HALF_UP);
        return new QuoteLine(price.productId(), price.sku(), price.productName(), quantity,
                requestedUnitPrice == null ? null : cents(requestedUnitPrice), requestedDiscount, price.source(),
                price.priceListId(), price.priceListLineId(), cents(price.listPrice()), listUnit,
                price.floorPrice() == null ? null : cents(price.floorPrice()), price.breakMinQuantity(), agreed,
                discount, price.vatRate(), net, vat);
    }

    /** Whether the agreed unit price is below the floor price of the line that priced it. */
    public boolean belowFloor() {
        return floorPrice != null && unitPrice.compareTo(floorPrice) < 0;
    }

    /** List unit price × quantity: what the line would cost without any discount. */
    public BigDecimal listAmount() {
        return listUnitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
