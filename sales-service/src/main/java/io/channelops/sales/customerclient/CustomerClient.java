package io.channelops.sales.customerclient;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * customer-service's API, as sales-service uses it. Every call carries the caller's token (the platform's
 * TokenRelay), so customer-service applies the caller's permissions and data scope. Timeouts:
 * {@code spring.cloud.openfeign.client.config.customer.*}; base URL: {@code CUSTOMER_URL}.
 */
@FeignClient(name = "customer", url = "${channelops.clients.customer.url}")
interface CustomerClient {

    @GetMapping("/api/v1/customers")
    CustomerPage search(@RequestParam("q") String q, @RequestParam("size") int size);

    @GetMapping("/api/v1/customers/lookup")
    List<CustomerSummary> lookupByPhone(@RequestParam("phone") String phone);

    @PostMapping(value = "/api/v1/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerSummary register(@RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody CustomerRegistration body);

    @PostMapping(value = "/api/v1/customers/{id}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactSummary addContact(@PathVariable("id") String customerId,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody ContactRegistration body);

    /** A page of customers; only the content is read. */
    record CustomerPage(@Nullable List<CustomerSummary> content) {
    }

    /** The fields of a customer sales-service reads ({@code type}, {@code ownerId}, ... are ignored). */
    record CustomerSummary(@Nullable String id, @Nullable String code, @Nullable String name) {
    }

    /** The fields of a created contact sales-service reads. */
    record ContactSummary(@Nullable String id) {
    }
}
