package io.channelops.logistics.stock;

/**
 * A move that the stock level cannot take. Callers check availability under the row lock
 * first, so this signals a bug, never a client error.
 */
public class InsufficientStock extends IllegalStateException {

    InsufficientStock(String message) {
        super(message);
    }
}
