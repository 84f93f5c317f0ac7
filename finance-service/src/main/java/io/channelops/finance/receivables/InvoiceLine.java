package io.channelops.finance.receivables;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One invoiced line: a dispatched quantity at the order's unit price; its amount has two decimals. */
@Embeddable
public class InvoiceLine {

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "product_id", nullable = false)
    private String productId;

    @Column(nullable = false)
    private long quantity;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    private BigDecimal unitPrice;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    protected InvoiceLine() {
        // for JPA
        this.productId = "";
        this.unitPrice = BigDecimal.ZERO;
        this.amount = BigDecimal.ZERO;
    }

    InvoiceLine(int lineNo, String productId, long quantity, BigDecimal unitPrice, BigDecimal amount) {
        this.lineNo = lineNo;
        this.productId = productId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.amount = amount;
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

    /** The unit price with trailing zeros beyond two decimals removed ({@code 12.50}, {@code 0.125}). */
    public BigDecimal unitPrice() {
        BigDecimal stripped = unitPrice.stripTrailingZeros();
        return stripped.scale() < 2 ? unitPrice.setScale(2) : stripped;
    }

    public BigDecimal amount() {
        return amount;
    }
}
