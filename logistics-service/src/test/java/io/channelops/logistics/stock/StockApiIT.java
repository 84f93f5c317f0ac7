package io.channelops.logistics.stock;

import static io.channelops.logistics.LogisticsApi.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.logistics.LogisticsApi;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Receipts, stock levels and the ledger against the real database. */
@ServiceIntegrationTest
class StockApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    LogisticsApi api;

    @BeforeEach
    void setUp() {
        api = new LogisticsApi(mvc, json);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    @Test
    void receiptsAddToOnHandPerWarehouseAndProduct() throws Exception {
        String east = api.warehouse("EAST");
        String west = api.warehouse("WEST");
        String product = LogisticsApi.newProductId();

        MvcResult first = mvc.perform(post("/api/v1/warehouses/" + east + "/receipts").with(CLERK.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\":\"%s\",\"quantity\":120,\"reference\":\"PO-1\"}".formatted(product)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warehouseId").value(east))
                .andExpect(jsonPath("$.productId").value(product))
                .andExpect(jsonPath("$.quantity").value(120))
                .andExpect(jsonPath("$.reference").value("PO-1"))
                .andExpect(jsonPath("$.onHandAfter").value(120))
                .andReturn();
        String location = first.getResponse().getHeader("Location");
        String receiptId = json.readTree(first.getResponse().getContentAsString()).get("id").asString();
        assertThat(location).isEqualTo("/api/v1/warehouses/" + east + "/receipts/" + receiptId);
        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(jsonPath("$.quantity").value(120));

        assertThat(api.receive(east, product, 30).get("onHandAfter").asLong()).isEqualTo(150);
        api.receive(west, product, 7);

        JsonNode levels = api.get("/api/v1/stock?productId=" + product + "&sort=onHand,desc").get("content");
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0).get("warehouseId").asString()).isEqualTo(east);
        assertThat(levels.get(0).get("warehouseCode").asString())
                .isEqualTo(api.get("/api/v1/warehouses/" + east).get("code").asString());
        assertThat(levels.get(0).get("onHand").asLong()).isEqualTo(150);
        assertThat(levels.get(0).get("reserved").asLong()).isZero();
        assertThat(levels.get(0).get("available").asLong()).isEqualTo(150);
        assertThat(levels.get(1).get("warehouseId").asString()).isEqualTo(west);
        assertThat(levels.get(1).get("onHand").asLong()).isEqualTo(7);

        JsonNode westOnly = api.get("/api/v1/stock?warehouseId=" + west).get("content");
        assertThat(westOnly).hasSize(1);
        assertThat(westOnly.get(0).get("productId").asString()).isEqualTo(product);

        JsonNode ledger = api.get("/api/v1/stock/movements?warehouseId=" + east + "&productId=" + product
                + "&sort=occurredAt,asc").get("content");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).get("type").asString()).isEqualTo("RECEIPT");
        assertThat(ledger.get(0).get("onHandChange").asLong()).isEqualTo(120);
        assertThat(ledger.get(1).get("onHandAfter").asLong()).isEqualTo(150);
    }

    @Test
    void concurrentReceiptsOfOneProductAllCount() throws Exception {
        String warehouse = api.warehouse("EAST");
        String product = LogisticsApi.newProductId();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> mvc.perform(post("/api/v1/warehouses/" + warehouse + "/receipts").with(CLERK.asCaller())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"productId\":\"%s\",\"quantity\":5}".formatted(product)))
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
        }

        assertThat(statuses).containsOnly(201);
        assertThat(api.level(warehouse, product).get("onHand").asLong()).isEqualTo(40);
        assertThat(count("SELECT COUNT(*) FROM stock_movements WHERE product_id = ?", product)).isEqualTo(8);
    }

    @Test
    void rejectsBadReceiptsAndWritesNothing() throws Exception {
        String warehouse = api.warehouse("EAST");
        String product = LogisticsApi.newProductId();
        String uri = "/api/v1/warehouses/" + warehouse + "/receipts";
        for (String body : List.of(
                "{\"productId\":\"%s\",\"quantity\":0}",
                "{\"productId\":\"%s\",\"quantity\":1000001}",
                "{\"productId\":\"%s\",\"quantity\":-3}",
                "{\"productId\":\"%s\"}",
                "{\"productId\":\"%s\",\"quantity\":5,\"reference\":\"  \"}")) {
            mvc.perform(post(uri).with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(product)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors.length()").value(1));
        }
        mvc.perform(post(uri).with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\":\"bad id!\",\"quantity\":5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        mvc.perform(post(uri).with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\":\"%s\",\"quantity\":5,\"onHand\":9}".formatted(product)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(post(uri).with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\":\"%s\",\"quantity\":\"many\"}".formatted(product)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        mvc.perform(post(uri).with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\":\"%s\",\"quantity\":2.5}".formatted(product)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        mvc.perform(post(uri).with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\":\"%s\",\"quantity\":99999999999999999999999}".formatted(product)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/warehouses/" + UUID.randomUUID() + "/receipts").with(CLERK.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"productId\":\"%s\",\"quantity\":5}".formatted(product)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));

        assertThat(count("SELECT COUNT(*) FROM stock_levels WHERE product_id = ?", product)).isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_movements WHERE product_id = ?", product)).isZero();
    }

    @Test
    void answers404ForAReceiptOfAnotherWarehouseOrNone() throws Exception {
        String warehouse = api.warehouse("EAST");
        String other = api.warehouse("EAST");
        String receipt = api.receive(warehouse, LogisticsApi.newProductId(), 3).get("id").asString();

        mvc.perform(get("/api/v1/warehouses/" + other + "/receipts/" + receipt))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/warehouses/" + warehouse + "/receipts/" + UUID.randomUUID()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/warehouses/" + warehouse + "/receipts/" + receipt))
                .andExpect(status().isOk()).andExpect(header().exists("ETag"));
    }

    @Test
    void refusesBadStockQueries() throws Exception {
        mvc.perform(get("/api/v1/stock").param("size", "201"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/stock").param("page", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/stock").param("sort", "available"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/stock").param("productId", "x".repeat(65)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(get("/api/v1/stock/movements").param("type", "THEFT"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/stock").param("productId", LogisticsApi.newProductId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.length()").value(0))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void aReceiptHasNoOwnerAndAnOwnerInTheBodyIsRefused() throws Exception {
        String warehouse = api.warehouse("EAST");
        String product = LogisticsApi.newProductId();
        for (String field : List.of("\"ownerId\":\"u-rep-east1-a\"", "\"orgPath\":\"/hq/east\"")) {
            mvc.perform(post("/api/v1/warehouses/" + warehouse + "/receipts").with(CLERK.asCaller())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"productId\":\"%s\",\"quantity\":5,%s}".formatted(product, field)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        }
        assertThat(count("SELECT COUNT(*) FROM stock_movements WHERE product_id = ?", product)).isZero();
    }

    @Test
    void stockIsCompanyWideForReadersAndOnlyLogisticsReceivesGoods() throws Exception {
        String warehouse = api.warehouse("EAST");
        String product = LogisticsApi.newProductId();
        api.receive(warehouse, product, 4);
        for (Caller reader : List.of(Callers.REP_WEST_1, Callers.MANAGER_EAST_2, Callers.AUDITOR)) {
            mvc.perform(get("/api/v1/stock").param("productId", product).with(reader.asCaller()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].onHand").value(4));
            mvc.perform(get("/api/v1/stock/movements").param("productId", product).with(reader.asCaller()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.content.length()").value(1));
        }
        for (Caller outsider : List.of(Callers.REP_EAST_1, Callers.MANAGER_EAST, Callers.DIRECTOR)) {
            mvc.perform(post("/api/v1/warehouses/" + warehouse + "/receipts").with(outsider.asCaller())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"productId\":\"%s\",\"quantity\":5}".formatted(product)))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        }
        mvc.perform(get("/api/v1/stock").with(Callers.FINANCE.asCaller())).andExpect(status().isForbidden());
        assertThat(api.level(warehouse, product).get("onHand").asLong()).isEqualTo(4);
    }
}
