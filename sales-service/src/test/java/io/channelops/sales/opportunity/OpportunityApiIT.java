package io.channelops.sales.opportunity;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.sales.OpportunityStageChanged;
import io.channelops.platform.test.EventProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Opening, reading, changing and searching opportunities against the real database and broker. */
@PipelineIntegrationTest
class OpportunityApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PipelineClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private OpportunityApi api() {
        return new OpportunityApi(mvc, json);
    }

    /** A fresh active catalog product; returns its id. */
    private String product() throws Exception {
        String sku = "OPP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        MvcResult result = mvc.perform(post("/api/v1/products").with(DIRECTOR.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"sku":"%s","name":"Pump","listPrice":{"amount":100.00,"currency":"CNY"}}"""
                                .formatted(sku)))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void opensAnOpportunityInTheFirstOpenStageOwnedByTheCallerAndPublishesIt() throws Exception {
        Instant now = Instant.parse("2021-05-10T06:30:00Z");
        clock.set(now);
        String product = product();
        String customer = OpportunityApi.uniqueCustomer();
        MvcResult result = mvc.perform(post("/api/v1/opportunities").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"  Pumps for the plant  ","customerId":"%s",
                                 "amount":{"amount":250000.00,"currency":"CNY"},"expectedCloseDate":"2021-11-30",
                                 "products":[{"productId":"%s","quantity":40,
                                              "amount":{"amount":4000.00,"currency":"CNY"}},
                                             {"productId":"%s","quantity":2}],
                                 "competitor":"Grundfos","sourceLeadId":"lead-42"}""".formatted(customer, product,
                                product)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("Pumps for the plant"))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.amount.amount").value(250000.00))
                .andExpect(jsonPath("$.amount.currency").value("CNY"))
                .andExpect(jsonPath("$.expectedCloseDate").value("2021-11-30"))
                .andExpect(jsonPath("$.products.length()").value(2))
                .andExpect(jsonPath("$.products[0].productId").value(product))
                .andExpect(jsonPath("$.products[0].quantity").value(40))
                .andExpect(jsonPath("$.products[0].amount.amount").value(4000.00))
                .andExpect(jsonPath("$.products[1].amount").doesNotExist())
                .andExpect(jsonPath("$.competitor").value("Grundfos"))
                .andExpect(jsonPath("$.stage").value("PROSPECTING"))
                .andExpect(jsonPath("$.stageName").value("Prospecting"))
                .andExpect(jsonPath("$.probability").value(10))
                .andExpect(jsonPath("$.probabilityOverridden").value(false))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.sourceLeadId").value("lead-42"))
                .andExpect(jsonPath("$.stageEnteredAt").value("2021-05-10T06:30:00Z"))
                .andExpect(jsonPath("$.lastMovementAt").value("2021-05-10T06:30:00Z"))
                .andExpect(jsonPath("$.lastActivityAt").doesNotExist())
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value(REP_EAST_1.orgPath()))
                .andExpect(jsonPath("$.createdBy").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn();
        String id = json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/opportunities/" + id);

        mvc.perform(get("/api/v1/opportunities/" + id + "/history").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.opportunityId").value(id))
                .andExpect(jsonPath("$.changes.length()").value(1))
                .andExpect(jsonPath("$.changes[0].fromStage").doesNotExist())
                .andExpect(jsonPath("$.changes[0].toStage").value("PROSPECTING"))
                .andExpect(jsonPath("$.changes[0].probability").value(10))
                .andExpect(jsonPath("$.changes[0].changedAt").value("2021-05-10T06:30:00Z"))
                .andExpect(jsonPath("$.changes[0].changedBy").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.changes[0].daysInPreviousStage").doesNotExist());

        ConsumerRecord<String, String> record = EventProbe.await(Topics.OPPORTUNITIES, r -> id.equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(EventProbe.header(record, "ce_type")).endsWith("OpportunityStageChanged");
        OpportunityStageChanged event = EventProbe.payload(record, OpportunityStageChanged.class);
        assertThat(event).isEqualTo(new OpportunityStageChanged(id, customer, "", "PROSPECTING", 10,
                new io.channelops.events.Money(new BigDecimal("250000.00"), "CNY"), LocalDate.parse("2021-11-30"),
                now, REP_EAST_1.id(), REP_EAST_1.orgPath()));
    }

    @Test
    void startsInAChosenOpenStageWithTheRepsOwnProbability() throws Exception {
        String id = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "1000", "EUR", "2021-12-01", "proposal",
                65);
        mvc.perform(get("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("PROPOSAL"))
                .andExpect(jsonPath("$.probability").value(65))
                .andExpect(jsonPath("$.probabilityOverridden").value(true));
    }

    @Test
    void replaysTheFirstResponseForARetriedCreateWithTheSameIdempotencyKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String customer = OpportunityApi.uniqueCustomer();
        String body = """
                {"name":"Retried","customerId":"%s","amount":{"amount":10,"currency":"CNY"},
                 "expectedCloseDate":"2021-12-31"}""".formatted(customer);
        MvcResult first = mvc.perform(post("/api/v1/opportunities").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn();
        MvcResult second = mvc.perform(post("/api/v1/opportunities").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn();
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunities WHERE customer_id = ?", Long.class,
                customer)).isEqualTo(1);
    }

    @Test
    void rejectsInvalidOpportunitiesWithProblemsAndWritesNothing() throws Exception {
        long opportunities = count("opportunities");
        long history = count("opportunity_stage_changes");
        String customer = OpportunityApi.uniqueCustomer();
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":" ","customerId":"no spaces allowed","amount":{"amount":-1,"currency":"cny"},
                         "probability":101,"products":[{"productId":"","quantity":0}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'customerId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'amount.amount')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'amount.currency')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'expectedCloseDate')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'probability')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'products[0].productId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'products[0].quantity')]").exists());
        String valid = """
                "name":"Deal","customerId":"%s","amount":{"amount":10,"currency":"CNY"},
                "expectedCloseDate":"2021-12-31\"""".formatted(customer);
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{" + valid + ",\"ownerId\":\"u-rep-west1-a\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{" + valid + ",\"status\":\"WON\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Deal\",\"customerId\":\"c1\",\"amount\":{\"amount\":1,\"currency\":"
                                + "\"CNY\"},\"expectedCloseDate\":\"2021-13-45\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.errors[0].field").value("expectedCloseDate"));
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{" + valid + ",\"stage\":\"WON\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("STAGE_NOT_OPEN"));
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{" + valid + ",\"stage\":\"DREAMING\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_STAGE"))
                .andExpect(jsonPath("$.detail").value("No active stage DREAMING is configured"));
        String ghost = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{" + valid + ",\"products\":[{\"productId\":\"" + ghost + "\",\"quantity\":1}]}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_PRODUCT"))
                .andExpect(jsonPath("$.detail").value("Product " + ghost + " does not exist"));
        String product = product();
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{" + valid + ",\"products\":[{\"productId\":\"" + product + "\",\"quantity\":1,"
                                + "\"amount\":{\"amount\":5,\"currency\":\"USD\"}}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CURRENCY_MISMATCH"));
        mvc.perform(post("/api/v1/products/" + product + "/discontinue").with(DIRECTOR.asCaller()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/opportunities").contentType(MediaType.APPLICATION_JSON)
                        .content("{" + valid + ",\"products\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PRODUCT_DISCONTINUED"));
        assertThat(count("opportunities")).isEqualTo(opportunities);
        assertThat(count("opportunity_stage_changes")).isEqualTo(history);
    }

    @Test
    void changesAnOpenOpportunityOnlyWithItsCurrentETag() throws Exception {
        String product = product();
        String id = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "1000", "CNY", "2021-12-01");
        String change = """
                {"name":"Bigger deal","amount":{"amount":1500.50,"currency":"USD"},"expectedCloseDate":"2022-01-15",
                 "products":[{"productId":"%s","quantity":3,"amount":{"amount":99.90,"currency":"USD"}}],
                 "competitor":"Acme","probability":35}""".formatted(product);
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("PRECONDITION_REQUIRED"));
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"5\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"probability\":-1,\"name\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'probability')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"stage\":\"WON\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Bigger deal"))
                .andExpect(jsonPath("$.amount.amount").value(1500.50))
                .andExpect(jsonPath("$.amount.currency").value("USD"))
                .andExpect(jsonPath("$.expectedCloseDate").value("2022-01-15"))
                .andExpect(jsonPath("$.products[0].amount.currency").value("USD"))
                .andExpect(jsonPath("$.competitor").value("Acme"))
                .andExpect(jsonPath("$.probability").value(35))
                .andExpect(jsonPath("$.probabilityOverridden").value(true));
        // a new currency without new lines would leave the lines' amounts in the old one
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":{\"amount\":10,\"currency\":\"EUR\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CURRENCY_MISMATCH"));
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"competitor\":\"\",\"useStageProbability\":true,\"products\":[]}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.competitor").doesNotExist())
                .andExpect(jsonPath("$.products.length()").value(0))
                .andExpect(jsonPath("$.probability").value(10))
                .andExpect(jsonPath("$.probabilityOverridden").value(false))
                .andExpect(jsonPath("$.name").value("Bigger deal"));
        mvc.perform(patch("/api/v1/opportunities/" + UUID.randomUUID()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ghost\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void logsActivitiesThatMoveTheLastActivityButNotTheETag() throws Exception {
        clock.set(Instant.parse("2021-06-01T08:00:00Z"));
        String id = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "1000", "CNY", "2021-12-01");
        clock.set(Instant.parse("2021-06-03T09:15:00Z"));
        mvc.perform(post("/api/v1/opportunities/" + id + "/activities").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CALL\",\"text\":\"Called the buyer\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("CALL"))
                .andExpect(jsonPath("$.text").value("Called the buyer"))
                .andExpect(jsonPath("$.occurredAt").value("2021-06-03T09:15:00Z"))
                .andExpect(jsonPath("$.recordedBy").value(REP_EAST_1.id()));
        clock.set(Instant.parse("2021-06-04T10:00:00Z"));
        api().note(REP_EAST_1, id, "Sent the brochure");
        mvc.perform(post("/api/v1/opportunities/" + id + "/activities").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"LETTER\",\"text\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        mvc.perform(post("/api/v1/opportunities/" + id + "/activities").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        mvc.perform(get("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.lastActivityAt").value("2021-06-04T10:00:00Z"))
                .andExpect(jsonPath("$.lastMovementAt").value("2021-06-04T10:00:00Z"))
                .andExpect(jsonPath("$.stageEnteredAt").value("2021-06-01T08:00:00Z"));
        mvc.perform(get("/api/v1/opportunities/" + id + "/activities").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].text").value(contains("Sent the brochure", "Called the buyer")))
                .andExpect(jsonPath("$.content[0].kind").value("NOTE"))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        // the ETag still works for an editor who loaded the opportunity before the calls
        mvc.perform(patch("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Still mine\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void searchesWithFiltersSortsAndPages() throws Exception {
        String customer = OpportunityApi.uniqueCustomer();
        String small = api().open(REP_EAST_1, customer, "100", "CNY", "2021-10-05");
        String large = api().open(REP_EAST_1, customer, "900", "CNY", "2021-11-20", "PROPOSAL", null);
        String middle = api().open(REP_EAST_1, customer, "500", "CNY", "2021-12-24");
        String won = api().open(REP_EAST_1, customer, "700", "CNY", "2021-11-01");
        api().win(REP_EAST_1, won);
        mvc.perform(patch("/api/v1/opportunities/" + middle).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"competitor\":\"Wilo 100%\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(contains(small, won, large, middle)))
                .andExpect(jsonPath("$.page.totalElements").value(4));
        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).param("sort", "amount,desc")
                        .param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.content[*].id").value(contains(middle, small)))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).param("status", "OPEN")
                        .param("expectedCloseFrom", "2021-10-06").param("expectedCloseTo", "2021-12-24"))
                .andExpect(jsonPath("$.content[*].id").value(contains(large, middle)));
        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).param("stage", "proposal"))
                .andExpect(jsonPath("$.content[*].id").value(contains(large)));
        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).param("status", "WON"))
                .andExpect(jsonPath("$.content[*].id").value(contains(won)));
        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).param("q", "WILO 100%"))
                .andExpect(jsonPath("$.content[*].id").value(contains(middle)));
        mvc.perform(get("/api/v1/opportunities").param("customerId", customer).param("ownerId", "u-nobody"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/opportunities").param("sort", "probability"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/opportunities").param("status", "PENDING"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/opportunities").param("expectedCloseFrom", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/opportunities").param("size", "500"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
    }
}
