package io.channelops.sales.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A product an opportunity is about: a product of the catalog, a quantity, and optionally the rep's estimate of its
 * amount in the opportunity's currency (null when not estimated per line).
 */
@Embeddable
public record OpportunityProduct(
        @Column(name = "product_id", nullable = false, length = 36) String productId,
        @Column(name = "quantity", nullable = false) long quantity,
        @Column(name = "amount", precision = 19, scale = 2) @Nullable BigDecimal amount) {
}
