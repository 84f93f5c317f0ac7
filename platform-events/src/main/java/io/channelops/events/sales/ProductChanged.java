package io.channelops.events.sales;

import io.channelops.events.DomainEvent;
import io.channelops.events.Money;
import io.channelops.events.Published;
import io.channelops.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product was created or changed; carries its current state so consumers can keep a copy. {@code brand} and
 * {@code categoryId} are empty strings when not set; {@code vatRate} is a decimal fraction (0.13 for 13 %).
 */
@Published(topic = Topics.PRODUCTS, service = "sales")
public record ProductChanged(String productId, String sku, String name, Money listPrice, String status,
        Instant changedAt, String brand, String categoryId, String unit, BigDecimal vatRate, boolean keyBrand)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return productId;
    }
}
