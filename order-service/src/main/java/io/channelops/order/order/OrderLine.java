package io.channelops.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One line of an order: a product, its quantity, the unit price it was priced at, and how much of it shipped. */
@Embeddable
public class OrderLine {

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "product_id", nullable = false)
    private String productId;

    @Column(nullable = false)
    private long quantity;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal unitPrice;

    @Column(name = "line_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal lineTotal;

    @Column(name = "price_source", nullable = false)
    private String priceSource;

    @Column(name = "shipped_quantity", nullable = false)
    private long shippedQuantity;

    protected OrderLine() {
        // for JPA
        this.productId = "";
        this.unitPrice = BigDecimal.ZERO;
        this.lineTotal = BigDecimal.ZERO;
        this.priceSource = "";
    }

    OrderLine(int lineNo, String productId, long quantity, BigDecimal unitPrice, String priceSource) {
        this.lineNo = lineNo;
        this.productId = productId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.lineTotal = Order.lineTotal(unitPrice, quantity);
        this.priceSource = priceSource;
    }

    /** Adds up to {@code available} of this line's missing quantity; returns what it took. */
    long ship(long available) {
        long taken = Math.min(available, quantity - shippedQuantity);
        if (taken <= 0) {
            return 0;
        }
        shippedQuantity += taken;
        return taken;
    }

    boolean fullyShipped() {
        return shippedQuantity >= quantity;
    }

    public int lineNo() {
        return lineNo;
    }

    public String productId() {
        return productId;
    }

    public long quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal lineTotal() {
        return lineTotal;
    }

    public String priceSource() {
        return priceSource;
    }

    public long shippedQuantity() {
        return shippedQuantity;
    }
}
