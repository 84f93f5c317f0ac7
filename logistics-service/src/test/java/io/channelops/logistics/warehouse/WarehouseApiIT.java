package io.channelops.logistics.warehouse;

import static io.channelops.logistics.LogisticsApi.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.logistics.LogisticsApi;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Warehouses against the real database. */
@ServiceIntegrationTest
class WarehouseApiIT {

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

    private long warehouseCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM warehouses", Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void opensAWarehouseWithUpperCaseCodeAndRegionAndReadsItBack() throws Exception {
        String code = LogisticsApi.uniqueCode("sh-");
        MvcResult result = mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"  Shanghai central  ","regionCode":"east"}""".formatted(code)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.code").value(code.toUpperCase()))
                .andExpect(jsonPath("$.name").value("Shanghai central"))
                .andExpect(jsonPath("$.regionCode").value("EAST"))
                .andReturn();
        String id = json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/warehouses/" + id);

        mvc.perform(get("/api/v1/warehouses/" + id)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.code").value(code.toUpperCase()));
    }

    @Test
    void refusesACodeAlreadyInUseWhateverItsCase() throws Exception {
        String code = LogisticsApi.uniqueCode("dup-");
        api.warehouseNamed(code.toUpperCase(), "EAST");
        long before = warehouseCount();

        mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"Again\",\"regionCode\":\"WEST\"}"
                                .formatted(code.toLowerCase())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("WAREHOUSE_CODE_TAKEN"))
                .andExpect(jsonPath("$.title").value("Warehouse code taken"))
                .andExpect(jsonPath("$.detail").value("Warehouse code " + code.toUpperCase() + " is already in use"));
        mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller()).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"Again\",\"regionCode\":\"WEST\"}".formatted(code)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("仓库编码已被占用"));
        assertThat(warehouseCount()).isEqualTo(before);
    }

    @Test
    void rejectsInvalidFieldsUnknownFieldsAndMalformedJsonAndWritesNothing() throws Exception {
        long before = warehouseCount();
        mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"has space\",\"name\":\" \",\"regionCode\":\"" + "R".repeat(33) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"No code\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"OK-1\",\"name\":\"A\",\"regionCode\":\"E\",\"id\":\"mine\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        assertThat(warehouseCount()).isEqualTo(before);
    }

    @Test
    void answers404ProblemForAnUnknownWarehouse() throws Exception {
        mvc.perform(get("/api/v1/warehouses/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
    }

    @Test
    void listsTheWarehousesOfARegionPageByPage() throws Exception {
        String region = LogisticsApi.uniqueCode("R");
        String first = api.warehouse(region);
        String second = api.warehouse(region);
        String third = api.warehouse(region);
        api.warehouse("ELSEWHERE");

        mvc.perform(get("/api/v1/warehouses").param("regionCode", region.toLowerCase()).param("size", "2")
                        .param("sort", "createdAt,asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].id").value(first))
                .andExpect(jsonPath("$.content[1].id").value(second))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/api/v1/warehouses").param("regionCode", region).param("size", "2").param("page", "1")
                        .param("sort", "createdAt,asc"))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(third));
        mvc.perform(get("/api/v1/warehouses").param("size", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/warehouses").param("sort", "version"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/warehouses").param("page", "x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void aWarehouseHasNoOwnerAndAnOwnerInTheBodyIsRefused() throws Exception {
        long before = warehouseCount();
        String code = LogisticsApi.uniqueCode("OWN-");
        for (String field : List.of("\"ownerId\":\"u-rep-east1-a\"", "\"orgPath\":\"/hq/east\"")) {
            mvc.perform(post("/api/v1/warehouses").with(CLERK.asCaller()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"%s\",\"name\":\"A\",\"regionCode\":\"EAST\",%s}"
                                    .formatted(code, field)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        }
        assertThat(warehouseCount()).isEqualTo(before);
    }

    @Test
    void everyoneWithLogisticsReadSeesEveryWarehouseButOnlyLogisticsOpensOne() throws Exception {
        String id = api.warehouse(LogisticsApi.uniqueCode("R"));
        for (Caller reader : List.of(Callers.REP_WEST_1, Callers.MANAGER_EAST_2, Callers.AUDITOR,
                Callers.client("erp-west", Callers.WEST, "logistics:read"))) {
            mvc.perform(get("/api/v1/warehouses/" + id).with(reader.asCaller())).andExpect(status().isOk());
        }
        long before = warehouseCount();
        for (Caller outsider : List.of(Callers.REP_EAST_1, Callers.DIRECTOR, Callers.AUDITOR,
                Callers.client("erp", Callers.HQ, "logistics:read"))) {
            mvc.perform(post("/api/v1/warehouses").with(outsider.asCaller()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"%s\",\"name\":\"A\",\"regionCode\":\"EAST\"}"
                                    .formatted(LogisticsApi.uniqueCode("NO-"))))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        }
        mvc.perform(get("/api/v1/warehouses/" + id).with(Callers.FINANCE.asCaller()))
                .andExpect(status().isForbidden());
        assertThat(warehouseCount()).isEqualTo(before);
    }
}
