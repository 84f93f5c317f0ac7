package io.channelops.sales.price;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which price to resolve: a product in a quantity, optionally for a customer and on a date (null: today).
 * The list price ignores quantity, customer and date; price lists will use them.
 */
public record PriceQuery(String productId, int quantity, @Nullable String customerId, @Nullable LocalDate date) {

    public static final int MAX_QUANTITY = 1_000_000;

    public PriceQuery {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY);
        }
    }
}
