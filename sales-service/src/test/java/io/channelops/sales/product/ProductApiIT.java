package io.channelops.sales.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.sales.ProductChanged;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The product catalog against its real database and the real broker. */
@ServiceIntegrationTest
class ProductApiIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    private static String uniqueSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String body(String sku) {
        return """
                {"sku":"%s","name":"Centrifugal pump","listPrice":{"amount":1280.50,"currency":"CNY"}}"""
                .formatted(sku);
    }

    private JsonNode create(String requestBody) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .content(requestBody)).andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    private String createId(String sku) throws Exception {
        return create(body(sku)).get("id").asString();
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    private static List<ConsumerRecord<String, String>> events(String productId, int expected) {
        List<ConsumerRecord<String, String>> events = EventProbe.collect(Topics.PRODUCTS,
                r -> productId.equals(r.key()), expected, EVENT_WAIT);
        assertThat(events).as("ProductChanged events of " + productId).hasSize(expected);
        return events;
    }

    @Test
    void createsProductAndPublishesProductChangedThroughTheOutbox() throws Exception {
        String sku = uniqueSku().toLowerCase(Locale.ROOT);
        MvcResult result = mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content(body(sku)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.sku").value(sku.toUpperCase(Locale.ROOT)))
                .andExpect(jsonPath("$.name").value("Centrifugal pump"))
                .andExpect(jsonPath("$.unit").value("EA"))
                .andExpect(jsonPath("$.listPrice.currency").value("CNY"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn();
        String responseBody = result.getResponse().getContentAsString();
        assertThat(responseBody).contains("\"amount\":1280.50");
        String id = json.readTree(responseBody).get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/products/" + id);

        ConsumerRecord<String, String> event = EventProbe.await(Topics.PRODUCTS, r -> id.equals(r.key()), EVENT_WAIT);
        assertThat(EventProbe.header(event, "ce_type")).isEqualTo("io.channelops.sales.ProductChanged");
        assertThat(EventProbe.header(event, "ce_source")).isEqualTo("/channelops/sales");
        assertThat(EventProbe.header(event, "ce_subject")).isEqualTo(id);
        assertThat(EventProbe.header(event, "ce_aggregateversion")).isEqualTo("1");
        ProductChanged payload = EventProbe.payload(event, ProductChanged.class);
        assertThat(payload.productId()).isEqualTo(id);
        assertThat(payload.sku()).isEqualTo(sku.toUpperCase(Locale.ROOT));
        assertThat(payload.name()).isEqualTo("Centrifugal pump");
        assertThat(payload.listPrice().amount()).isEqualByComparingTo(new BigDecimal("1280.50"));
        assertThat(payload.listPrice().currency()).isEqualTo("CNY");
        assertThat(payload.status()).isEqualTo("ACTIVE");
    }

    @Test
    void changesNameUnitAndPriceAndPublishesTheNextAggregateVersion() throws Exception {
        String id = createId(uniqueSku());
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Pump 200\",\"unit\":\"SET\","
                                + "\"listPrice\":{\"amount\":1350,\"currency\":\"CNY\"}}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Pump 200"))
                .andExpect(jsonPath("$.unit").value("SET"))
                .andExpect(jsonPath("$.listPrice.amount").value(1350.00));
        mvc.perform(get("/api/v1/products/" + id)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Pump 200"))
                .andExpect(jsonPath("$.unit").value("SET"));

        List<ConsumerRecord<String, String>> events = events(id, 2);
        assertThat(events).extracting(e -> EventProbe.header(e, "ce_aggregateversion")).containsExactly("1", "2");
        ProductChanged changed = EventProbe.payload(events.get(1), ProductChanged.class);
        assertThat(changed.name()).isEqualTo("Pump 200");
        assertThat(changed.listPrice().amount()).isEqualByComparingTo(new BigDecimal("1350"));
        assertThat(changed.status()).isEqualTo("ACTIVE");
    }

    @Test
    void aChangeThatChangesNothingKeepsTheVersionAndPublishesNothing() throws Exception {
        String id = createId(uniqueSku());
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Centrifugal pump\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE message_key = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void readsProductWithItsETagAndAnswers404ProblemForAnUnknownId() throws Exception {
        String sku = uniqueSku();
        String id = createId(sku);
        mvc.perform(get("/api/v1/products/" + id)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.sku").value(sku));
        mvc.perform(get("/api/v1/products/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
    }

    @Test
    void refusesADuplicateSkuWhateverItsCaseWith409() throws Exception {
        String sku = uniqueSku();
        createId(sku);
        long before = count("products");
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content(body(sku.toLowerCase(Locale.ROOT))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PRODUCT_SKU_TAKEN"))
                .andExpect(jsonPath("$.title").value("SKU already in use"))
                .andExpect(jsonPath("$.detail").value("SKU " + sku + " is already used by another product"));
        mvc.perform(post("/api/v1/products").header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content(body(sku)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("SKU 已被占用"));
        assertThat(count("products")).isEqualTo(before);
    }

    @Test
    void rejectsInvalidFieldsWithAllErrorsListedAndWritesNothing() throws Exception {
        long products = count("products");
        long outbox = count("outbox_events");
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"bad sku!\",\"name\":\" \",\"unit\":\"" + "u".repeat(17) + "\","
                                + "\"listPrice\":{\"amount\":-1.005,\"currency\":\"cny\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'sku')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'unit')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'listPrice.amount')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'listPrice.currency')]").exists());
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"" + "A".repeat(65) + "\",\"name\":\"" + "n".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'listPrice')]").exists());
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"Huge\","
                                + "\"listPrice\":{\"amount\":1000000000000000,\"currency\":\"CNY\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("listPrice.amount"));
        assertThat(count("products")).isEqualTo(products);
        assertThat(count("outbox_events")).isEqualTo(outbox);
    }

    @Test
    void rejectsUnknownFieldsMalformedJsonAndWrongTypesWithClearCodes() throws Exception {
        long before = count("products");
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"X1\",\"name\":\"A\",\"listPrice\":{\"amount\":1,\"currency\":\"CNY\"},"
                                + "\"status\":\"DISCONTINUED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"X1\",\"name\":\"A\",\"listPrice\":{\"amount\":1,\"currency\":\"CNY\","
                                + "\"tax\":0.13}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("listPrice.tax"));
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON).content("{\"sku\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"X1\",\"name\":\"A\",\"listPrice\":{\"amount\":\"cheap\",\"currency\":\"CNY\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.errors[0].field").value("listPrice.amount"));
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"X1\",\"name\":\"A\",\"listPrice\":[1]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        mvc.perform(post("/api/v1/products").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        assertThat(count("products")).isEqualTo(before);
    }

    @Test
    void refusesOwnerIdAndOrgPathInRequestBodiesAndChangesNothing() throws Exception {
        // products are reference data without an owner; a client cannot smuggle one in on create or change
        long before = count("products");
        String sku = uniqueSku();
        for (String field : new String[] {"ownerId", "orgPath"}) {
            mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"sku\":\"" + sku + "\",\"name\":\"A\","
                                    + "\"listPrice\":{\"amount\":1,\"currency\":\"CNY\"},\"" + field + "\":\"/hq/west\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }
        assertThat(count("products")).isEqualTo(before);
        String id = createId(uniqueSku());
        for (String field : new String[] {"ownerId", "orgPath"}) {
            mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Taken\",\"" + field + "\":\"u-rep-west1-a\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }
        mvc.perform(get("/api/v1/products/" + id))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("Centrifugal pump"))
                .andExpect(jsonPath("$.ownerId").doesNotExist())
                .andExpect(jsonPath("$.orgPath").doesNotExist());
    }

    @Test
    void updatesNeedTheCurrentETagAndValidInput() throws Exception {
        String id = createId(uniqueSku());
        mvc.perform(patch("/api/v1/products/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("PRECONDITION_REQUIRED"));
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"listPrice\":{\"amount\":-5,\"currency\":\"CNY\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sku\":\"NEW-SKU\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("Renamed"));
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Again\"}"))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(patch("/api/v1/products/" + UUID.randomUUID()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ghost\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/products/" + id)).andExpect(jsonPath("$.name").value("Renamed"))
                .andExpect(jsonPath("$.listPrice.amount").value(1280.50));
    }

    @Test
    void discontinuesAnActiveProductOnceAndPublishesIt() throws Exception {
        String id = createId(uniqueSku());
        mvc.perform(post("/api/v1/products/" + id + "/discontinue").header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(post("/api/v1/products/" + id + "/discontinue"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("DISCONTINUED"));
        mvc.perform(post("/api/v1/products/" + id + "/discontinue"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(post("/api/v1/products/" + UUID.randomUUID() + "/discontinue"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/products/" + id)).andExpect(jsonPath("$.status").value("DISCONTINUED"));

        List<ConsumerRecord<String, String>> events = events(id, 2);
        assertThat(events).extracting(e -> EventProbe.header(e, "ce_aggregateversion")).containsExactly("1", "2");
        assertThat(EventProbe.payload(events.get(1), ProductChanged.class).status()).isEqualTo("DISCONTINUED");
    }

    @Test
    void pagesFiltersAndRefusesOutOfRangePagesAndUnknownSorts() throws Exception {
        String marker = "Z" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        for (int i = 0; i < 3; i++) {
            createId(marker + "-" + i);
        }
        String discontinued = createId(marker + "-X");
        mvc.perform(post("/api/v1/products/" + discontinued + "/discontinue")).andExpect(status().isOk());

        mvc.perform(get("/api/v1/products").param("q", marker.toLowerCase(Locale.ROOT)).param("size", "2")
                        .param("sort", "sku,desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].sku").value(marker + "-X"))
                .andExpect(jsonPath("$.content[1].sku").value(marker + "-2"))
                .andExpect(jsonPath("$.page.totalElements").value(4))
                .andExpect(jsonPath("$.page.totalPages").value(2))
                .andExpect(jsonPath("$.page.size").value(2));
        mvc.perform(get("/api/v1/products").param("q", marker).param("status", "ACTIVE").param("sort", "sku")
                        .param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].sku").value(marker + "-2"))
                .andExpect(jsonPath("$.page.number").value(1))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        mvc.perform(get("/api/v1/products").param("q", marker).param("status", "DISCONTINUED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(discontinued));
        mvc.perform(get("/api/v1/products").param("q", "%"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/products").param("size", "201"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/products").param("page", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/products").param("sort", "listPrice"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/products").param("status", "RETIRED"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/products").param("q", "q".repeat(101)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void replaysTheFirstResponseForARetriedCreateWithTheSameIdempotencyKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String sku = uniqueSku();
        MvcResult first = mvc.perform(post("/api/v1/products").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body(sku))).andExpect(status().isCreated())
                .andReturn();
        MvcResult second = mvc.perform(post("/api/v1/products").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(sku)))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn();
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM products WHERE sku = ?", Long.class, sku)).isEqualTo(1);
    }
}
