package io.channelops.sales.lead;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.sales.customerclient.CustomerGateway;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the leads integration tests: the whole service against the shared MariaDB and Kafka, with WireMock as
 * customer-service. Every leads IT extends it unchanged, so they share one Spring context. The read timeout is
 * shortened so a slow customer-service is quick to simulate; the background jobs run rarely (tests drive them).
 */
@ServiceIntegrationTest
public abstract class LeadsTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected CustomerGateway customerGateway;

    @Autowired
    protected LeadRescoring rescoring;

    /** Unique per test class instance: keeps companies, e-mails, campaigns and signal types apart. */
    protected final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

    @DynamicPropertySource
    static void customerService(DynamicPropertyRegistry registry) {
        registry.add("channelops.clients.customer.url", CustomerServiceStub.SERVER::baseUrl);
        registry.add("spring.cloud.openfeign.client.config.customer.read-timeout", () -> "1500");
        registry.add("channelops.sales.leads.rescore-interval", () -> "1h");
        registry.add("channelops.sales.leads.score-refresh-interval", () -> "1h");
    }

    @BeforeEach
    void resetCustomerService() {
        CustomerServiceStub.reset();
        customerGateway.circuitBreaker().reset();
    }

    /** A unique lead body: its company, e-mail and phone match no other lead. */
    protected String leadBody(String region, @Nullable String extra) {
        int n = SEQUENCE.incrementAndGet();
        String tag = run + "-" + n;
        return """
                {"source":"WEB","campaign":"C-%s","company":"Company %s","contact":{"name":"Contact %s",
                 "title":"Head of Purchasing","phone":"+86 21 %s","email":"buyer-%s@example.com"},
                 "need":"racks","regionCode":"%s"%s}""".formatted(run, tag, tag, phoneDigits(n), tag.toLowerCase(
                Locale.ROOT), region, extra == null ? "" : "," + extra);
    }

    private String phoneDigits(int n) {
        return String.format(Locale.ROOT, "%08d%04d", Math.abs(run.hashCode()) % 100000000, n);
    }

    /** Captures a lead as {@code caller}; returns the answer's JSON. */
    protected JsonNode capture(Caller caller, String body) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/leads").with(caller.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn();
        return read(result);
    }

    protected MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected JsonNode lead(String id) throws Exception {
        return read(mvc.perform(get("/api/v1/leads/" + id)).andExpect(status().isOk()).andReturn());
    }

    protected JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    protected long rows(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
