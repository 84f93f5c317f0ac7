package io.channelops.order.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.order.resilience.ClientResilience;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every integration test: the whole service against the shared MariaDB and Kafka, with
 * WireMock as sales-service and finance-service. Every IT class extends it unchanged, so the
 * module boots Spring once. Timeouts and the re-check are shortened so the tests stay quick.
 * MockMvc requests run as {@code Callers.DEFAULT} (director at head office) unless they name
 * another caller.
 */
@ServiceIntegrationTest
public abstract class IntegrationTestSupport {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected ClientResilience resilience;

    @DynamicPropertySource
    static void otherServices(DynamicPropertyRegistry registry) {
        registry.add("channelops.clients.sales.url", OtherServices.SALES::baseUrl);
        registry.add("channelops.clients.finance.url", OtherServices.FINANCE::baseUrl);
        registry.add("spring.cloud.openfeign.client.config.sales.read-timeout", () -> "600");
        registry.add("spring.cloud.openfeign.client.config.finance.read-timeout", () -> "600");
        registry.add("channelops.credit.recheck-interval", () -> "250ms");
        registry.add("channelops.credit.recheck-backoff", () -> "250ms");
        registry.add("channelops.credit.recheck-backoff-max", () -> "1s");
    }

    @BeforeEach
    void resetOtherServices() {
        OtherServices.reset();
        resilience.circuitBreakers().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    protected static String uuid() {
        return UUID.randomUUID().toString();
    }

    protected static String orderBody(String customerId, String currency, String... productQuantityPairs) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < productQuantityPairs.length; i += 2) {
            if (!lines.isEmpty()) {
                lines.append(',');
            }
            lines.append("{\"productId\":\"").append(productQuantityPairs[i]).append("\",\"quantity\":")
                    .append(productQuantityPairs[i + 1]).append('}');
        }
        return """
                {"customerId":"%s","currency":"%s","lines":[%s]}""".formatted(customerId, currency, lines);
    }

    /** Creates a draft order of {@code customerId} in CNY for product/quantity pairs, whose prices must be stubbed. */
    protected JsonNode createOrder(String customerId, String... productQuantityPairs) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .content(orderBody(customerId, "CNY", productQuantityPairs))).andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** Posts an action ({@code submit}, {@code release}, {@code cancel}) on an order and returns the answer. */
    protected MvcResult action(String orderId, String action) throws Exception {
        return mvc.perform(post("/api/v1/orders/" + orderId + "/" + action)).andReturn();
    }

    protected JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    protected JsonNode order(String orderId) throws Exception {
        return read(mvc.perform(get("/api/v1/orders/" + orderId)).andExpect(status().isOk()).andReturn());
    }

    protected String statusOf(String orderId) throws Exception {
        return order(orderId).get("status").asString();
    }

    protected long rows(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
