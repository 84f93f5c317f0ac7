package io.channelops.order.pricing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * sales-service's price API, as order-service uses it. Timeouts:
 * {@code spring.cloud.openfeign.client.config.sales.*}; base URL: {@code SALES_URL}.
 */
@FeignClient(name = "sales", url = "${channelops.clients.sales.url}")
interface SalesClient {

    @GetMapping("/api/v1/prices/effective")
    EffectivePrice effectivePrice(@RequestParam("productId") String productId,
            @RequestParam("quantity") long quantity, @RequestParam("customerId") String customerId);

    /** The fields of sales-service's answer that order-service reads; others are ignored. */
    record EffectivePrice(@Nullable String productId, @Nullable Amount unitPrice, @Nullable String source) {
    }

    /** A money amount as sales-service sends it. */
    record Amount(@Nullable BigDecimal amount, @Nullable String currency) {
    }
}
