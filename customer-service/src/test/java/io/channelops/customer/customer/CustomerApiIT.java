package io.channelops.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.customer.CustomerRegistered;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** customer-service against its real database and the real broker. */
@ServiceIntegrationTest
class CustomerApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    private static String body(String code) {
        return """
                {"code":"%s","name":"Acme Trading","type":"DISTRIBUTOR","regionCode":"east","email":"p@acme.example"}"""
                .formatted(code);
    }

    private static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private JsonNode create(String code) throws Exception {
        return create(code, Callers.DEFAULT);
    }

    private JsonNode create(String code, Caller caller) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/customers").with(caller.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(body(code))).andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void registersCustomerAndPublishesCustomerRegisteredThroughTheOutbox() throws Exception {
        String code = uniqueCode();
        MvcResult result = mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                        .content(body(code)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.regionCode").value("EAST"))
                .andExpect(jsonPath("$.ownerId").value(Callers.DEFAULT.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.HQ))
                .andReturn();
        String id = json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/customers/" + id);

        ConsumerRecord<String, String> event = EventProbe.await(Topics.CUSTOMERS, r -> id.equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(EventProbe.header(event, "ce_type")).isEqualTo("io.channelops.customer.CustomerRegistered");
        assertThat(EventProbe.header(event, "ce_source")).isEqualTo("/channelops/customer");
        assertThat(EventProbe.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(EventProbe.header(event, "ce_subject")).isEqualTo(id);
        assertThat(EventProbe.header(event, "ce_aggregateversion")).isEqualTo("1");
        assertThat(json.readTree(event.value()).get("code").asString()).isEqualTo(code);
        CustomerRegistered registered = EventProbe.payload(event, CustomerRegistered.class);
        assertThat(registered.ownerId()).isEqualTo(Callers.DEFAULT.id());
        assertThat(registered.orgPath()).isEqualTo(Callers.HQ);
    }

    @Test
    void theRegisteringCallerOwnsTheCustomerInTheirOrgUnitAndTheEventSaysSo() throws Exception {
        String id = create(uniqueCode(), Callers.REP_EAST_1).get("id").asString();
        mvc.perform(get("/api/v1/customers/" + id).with(Callers.REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(Callers.REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1));
        assertThat(jdbc.queryForObject("SELECT CONCAT(owner_id, ' ', org_path) FROM customers WHERE id = ?",
                String.class, id)).isEqualTo(Callers.REP_EAST_1.id() + " " + Callers.EAST_1);
        CustomerRegistered registered = EventProbe.payload(
                EventProbe.await(Topics.CUSTOMERS, r -> id.equals(r.key()), Duration.ofSeconds(30)),
                CustomerRegistered.class);
        assertThat(registered.ownerId()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(registered.orgPath()).isEqualTo(Callers.EAST_1);
    }

    @Test
    void ownershipCannotBeSetOrChangedThroughARequestBody() throws Exception {
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        String code = uniqueCode();
        mvc.perform(post("/api/v1/customers").with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"A\",\"type\":\"DEALER\",\"regionCode\":\"E\","
                                + "\"ownerId\":\"u-rep-west1-a\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
        mvc.perform(post("/api/v1/customers").with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"A\",\"type\":\"DEALER\",\"regionCode\":\"E\","
                                + "\"orgPath\":\"/hq\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("orgPath"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class)).isEqualTo(before);

        String id = create(uniqueCode(), Callers.REP_EAST_1).get("id").asString();
        for (String field : List.of("\"ownerId\":\"u-rep-west1-a\"", "\"orgPath\":\"/hq/west\"")) {
            mvc.perform(patch("/api/v1/customers/" + id).with(Callers.REP_EAST_1.asCaller())
                            .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Moved\"," + field + "}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        }
        mvc.perform(get("/api/v1/customers/" + id).with(Callers.REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("Acme Trading"))
                .andExpect(jsonPath("$.ownerId").value(Callers.REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1));
    }

    @Test
    void aRepSeesOnlyTheirOwnCustomersAndListTotalsCountOnlyWhatTheCallerSees() throws Exception {
        String marker = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String mine = create(marker + "A", Callers.REP_EAST_1).get("id").asString();
        create(marker + "B", Callers.REP_EAST_1);
        String colleagues = create(marker + "C", Callers.REP_EAST_1_B).get("id").asString();
        create(marker + "D", Callers.REP_WEST_1);

        mvc.perform(get("/api/v1/customers/" + colleagues).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(patch("/api/v1/customers/" + colleagues).with(Callers.REP_EAST_1.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mine now\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers").param("q", marker).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].ownerId").value(everyItem(is(Callers.REP_EAST_1.id()))));
        mvc.perform(get("/api/v1/customers").param("q", marker).param("size", "1")
                        .with(Callers.REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(2)).andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/api/v1/customers").param("q", marker).with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        mvc.perform(get("/api/v1/customers").param("q", marker).with(Callers.MANAGER_EAST_2.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/customers").param("q", marker).with(Callers.MANAGER_WEST.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/customers").param("q", marker).with(Callers.AUDITOR.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(4));
        mvc.perform(get("/api/v1/customers/" + mine).with(Callers.MANAGER_EAST.asCaller()))
                .andExpect(status().isOk());
    }

    @Test
    void readsCustomerWithItsETagAndAnswers404ProblemForAnUnknownId() throws Exception {
        String id = create(uniqueCode()).get("id").asString();
        mvc.perform(get("/api/v1/customers/" + id)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
    }

    @Test
    void rejectsInvalidFieldsWithAllErrorsListedAndWritesNothing() throws Exception {
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"type\":\"DEALER\",\"regionCode\":\"bad region!\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.type").value("https://channelops.io/problems/validation-failed"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class)).isEqualTo(before);
    }

    @Test
    void rejectsUnknownFieldsMalformedJsonAndBadEnumsWithClearCodes() throws Exception {
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"A\",\"type\":\"DEALER\",\"regionCode\":\"E\",\"owner\":\"me\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"A\",\"type\":\"FRIEND\",\"regionCode\":\"E\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/v1/customers").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void refusesOversizeBodiesWith413() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"type\":\"DEALER\",\"regionCode\":\"E\"}";
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void refusesAnOversizeBodyOfUndeclaredLengthOnAnIdempotentCreateWith413() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(1_100_000) + "\",\"type\":\"DEALER\",\"regionCode\":\"E\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/customers"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", Callers.DEFAULT.bearer())
                // a stream of unknown length is sent chunked, with no Content-Length to refuse it by
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge)))
                .build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("detail").asString()).contains("1,048,576")
                    .doesNotContain("{0}");
        }
    }

    @Test
    void answersInChineseWhenAskedTo() throws Exception {
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()).header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("未找到"));
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()).header("Accept-Language", "zh"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("未找到"));
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()).header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void pagesFiltersAndRefusesOutOfRangePagesAndUnknownSorts() throws Exception {
        String marker = "Z" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (int i = 0; i < 3; i++) {
            create(marker + i);
        }
        mvc.perform(get("/api/v1/customers").param("q", marker).param("size", "2").param("sort", "code,asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].code").value(marker + "0"))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2))
                .andExpect(jsonPath("$.page.size").value(2));
        mvc.perform(get("/api/v1/customers").param("size", "201"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/customers").param("sort", "password"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/customers").param("type", "FRIEND"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/customers").param("page", "abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void updatesNeedTheCurrentETag() throws Exception {
        String id = create(uniqueCode()).get("id").asString();
        mvc.perform(patch("/api/v1/customers/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("PRECONDITION_REQUIRED"));
        mvc.perform(patch("/api/v1/customers/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Renamed"));
        mvc.perform(patch("/api/v1/customers/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Again\"}"))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(get("/api/v1/customers/" + id)).andExpect(jsonPath("$.name").value("Renamed"));
    }

    @Test
    void replaysTheFirstResponseForARetriedCreateWithTheSameIdempotencyKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String code = uniqueCode();
        MvcResult first = mvc.perform(post("/api/v1/customers").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body(code))).andExpect(status().isCreated())
                .andReturn();
        MvcResult second = mvc.perform(post("/api/v1/customers").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(code)))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn();
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE code = ?", Long.class, code))
                .isEqualTo(1);

        mvc.perform(post("/api/v1/customers").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(uniqueCode())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void concurrentDuplicatesWithOneIdempotencyKeyCreateOneCustomer() throws Exception {
        String key = UUID.randomUUID().toString();
        String code = uniqueCode();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> mvc.perform(post("/api/v1/customers").header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(body(code))).andReturn().getResponse()
                    .getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Integer> future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses).containsOnly(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE code = ?", Long.class, code))
                .isEqualTo(1);
    }

    @Test
    void refusesADuplicateCodeWith409() throws Exception {
        String code = uniqueCode();
        create(code);
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content(body(code)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CUSTOMER_CODE_TAKEN"));
    }
}
