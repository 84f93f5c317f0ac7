package io.channelops.order.credit;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * finance-service's credit check, as order-service uses it. Read-only and idempotent, so it is
 * retried. Timeouts: {@code spring.cloud.openfeign.client.config.finance.*}; base URL:
 * {@code FINANCE_URL}.
 */
@FeignClient(name = "finance", url = "${channelops.clients.finance.url}")
interface FinanceClient {

    @PostMapping(value = "/api/v1/credit-checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    CreditCheckResult check(@RequestBody CreditCheckRequest request);

    /** {@code {"customerId","orderId","amount":{"amount","currency"}}}. */
    record CreditCheckRequest(String customerId, String orderId, Amount amount) {
    }

    /** A money amount on the wire. */
    record Amount(BigDecimal amount, String currency) {
    }

    /** The fields of finance-service's answer order-service reads ({@code creditLimit}, ... are ignored). */
    record CreditCheckResult(@Nullable String decision, @Nullable String reason) {
    }
}
