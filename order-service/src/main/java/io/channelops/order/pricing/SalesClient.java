package io.channelops.order.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * sales-service's price and quote APIs, as order-service uses them. Timeouts:
 * {@code spring.cloud.openfeign.client.config.sales.*}; base URL: {@code SALES_URL}.
 */
@FeignClient(name = "sales", url = "${channelops.clients.sales.url}")
interface SalesClient {

    @GetMapping("/api/v1/prices/effective")
    EffectivePrice effectivePrice(@RequestParam("productId") String productId,
            @RequestParam("quantity") long quantity, @RequestParam("customerId") String customerId);

    @GetMapping("/api/v1/quotes/{id}")
    Quote quote(@PathVariable("id") String id);

    /** The fields of sales-service's quote that order-service reads; others are ignored. */
    record Quote(@Nullable String id, @Nullable String number, @Nullable Integer quoteVersion,
            @Nullable String status, @Nullable String customerId, @Nullable String currency,
            @Nullable LocalDate validUntil, @Nullable List<QuoteLine> lines, @Nullable String ownerId,
            @Nullable String orgPath) {
    }

    /** A line of a quote: the product, quantity and agreed unit price. */
    record QuoteLine(@Nullable Integer lineNo, @Nullable String productId, @Nullable Long quantity,
            @Nullable Amount unitPrice) {
    }

    /** The fields of sales-service's answer that order-service reads; others are ignored. */
    record EffectivePrice(@Nullable String productId, @Nullable Amount unitPrice, @Nullable String source) {
    }

    /** A money amount as sales-service sends it. */
    record Amount(@Nullable BigDecimal amount, @Nullable String currency) {
    }
}
