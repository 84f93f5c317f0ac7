package io.channelops.sales.pricelist;

import static io.channelops.sales.pricelist.PricingFixtures.CONFIRMER;
import static io.channelops.sales.pricelist.PricingFixtures.ENTRY;
import static io.channelops.sales.pricelist.PricingFixtures.REVIEWER;
import static io.channelops.sales.pricelist.PricingFixtures.productLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.sales.PriceListActivated;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A price list's approval over HTTP: four eyes, activation closing the previous list, and the history kept. */
@ServiceIntegrationTest
class PriceListApprovalIT {

    /** A second director: someone who may confirm a list another director entered or reviewed. */
    private static final Caller OTHER_DIRECTOR = Callers.user("second director", "u-director-2", Callers.HQ,
            "DIRECTOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PriceListService priceListService;

    private PricingFixtures fixtures;
    private final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        fixtures = new PricingFixtures(mvc, json);
    }

    /** A scope no other test uses: activating a list of it never closes another test's list. */
    private static String uniqueScope() {
        return "{\"regionCode\":\"" + PricingFixtures.uniqueRegion() + "\"}";
    }

    private String lines(String productId) {
        return "[" + productLine(productId, "100.00", "80.00", "[]") + "]";
    }

    @Test
    void theSameUserCannotEnterAndReviewAListNorReviewAndConfirmIt() throws Exception {
        String product = fixtures.product("120.00", null);
        // a director may enter, review and confirm, but never two steps of the same list
        String id = json.readTree(mvc.perform(post("/api/v1/price-lists").with(Callers.DIRECTOR.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"Four eyes","currency":"CNY","validFrom":"%s","scope":{"regionCode":"%s"},
                                 "lines":%s}""".formatted(today.plusDays(1), PricingFixtures.uniqueRegion(),
                                lines(product))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/price-lists/" + id + "/submit").with(Callers.DIRECTOR.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post("/api/v1/price-lists/" + id + "/review").with(Callers.DIRECTOR.asCaller()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SAME_PERSON_STEP"));
        mvc.perform(get("/api/v1/price-lists/" + id)).andExpect(jsonPath("$.status").value("SUBMITTED"));

        // another director reviews; the reviewer cannot confirm, nor can the one who entered it
        mvc.perform(post("/api/v1/price-lists/" + id + "/review").with(OTHER_DIRECTOR.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVIEWED"))
                .andExpect(jsonPath("$.reviewedBy").value(OTHER_DIRECTOR.id()));
        for (Caller earlier : List.of(OTHER_DIRECTOR, Callers.DIRECTOR)) {
            mvc.perform(post("/api/v1/price-lists/" + id + "/activate").with(earlier.asCaller()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("SAME_PERSON_STEP"));
        }
        // a third person with prices:approve confirms
        Caller third = Callers.user("third director", "u-director-3", Callers.HQ, "DIRECTOR");
        mvc.perform(post("/api/v1/price-lists/" + id + "/activate").with(third.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.activatedBy").value(third.id()));
    }

    @Test
    void rolesWithoutTheStepsPermissionAreRefusedAndARejectionSendsTheListBackToDraft() throws Exception {
        String product = fixtures.product("120.00", null);
        String id = fixtures.draft("Roles", today.plusDays(1), null, uniqueScope(), lines(product));
        mvc.perform(post("/api/v1/price-lists/" + id + "/submit").with(REVIEWER.asCaller()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/price-lists/" + id + "/submit").with(ENTRY.asCaller())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/price-lists/" + id + "/review").with(ENTRY.asCaller()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/price-lists/" + id + "/reject").with(REVIEWER.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Floor too low\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.rejectionNote").value("Floor too low"))
                .andExpect(jsonPath("$.rejectedBy").value(REVIEWER.id()));
        // back in DRAFT the lines may change again
        String lineId = fixtures.read("/api/v1/price-lists/" + id).get("lines").get(0).get("id").asString();
        long version = fixtures.read("/api/v1/price-lists/" + id).get("version").asLong();
        mvc.perform(put("/api/v1/price-lists/" + id + "/lines/" + lineId).with(ENTRY.asCaller())
                        .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                        .content(productLine(product, "100.00", "90.00", "[{\"minQuantity\":10,\"price\":95.00}]")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.floorPrice").value(90.00))
                .andExpect(header().string("ETag", "\"" + (version + 1) + "\""));
        mvc.perform(post("/api/v1/price-lists/" + id + "/submit").with(ENTRY.asCaller())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/price-lists/" + id + "/review").with(REVIEWER.asCaller()))
                .andExpect(status().isOk());
        // lines are frozen outside DRAFT
        mvc.perform(post("/api/v1/price-lists/" + id + "/lines").with(ENTRY.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(productLine(fixtures.product("5", null),
                                "5.00", "4.00", "[]")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(post("/api/v1/price-lists/" + id + "/activate").with(REVIEWER.asCaller()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/price-lists/" + id + "/activate").with(CONFIRMER.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void activatingClosesThePreviousListOfTheSameScopeWhichStaysReadableAndIsNotDeleted() throws Exception {
        String region = PricingFixtures.uniqueRegion();
        String scope = "{\"regionCode\":\"" + region + "\"}";
        String product = fixtures.product("120.00", null);
        String first = fixtures.active("First " + region, today.plusDays(1), null, scope, lines(product));
        String otherScope = fixtures.active("Other scope " + region, today.plusDays(1), null,
                "{\"regionCode\":\"" + region + "\",\"customerLevel\":\"KEY\"}", lines(product));

        String second = fixtures.active("Second " + region, today.plusDays(10), null, scope, lines(product));

        JsonNode closed = fixtures.read("/api/v1/price-lists/" + first);
        assertThat(closed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(closed.get("validTo").asString()).isEqualTo(today.plusDays(9).toString());
        assertThat(closed.get("supersededBy").asString()).isEqualTo(second);
        assertThat(closed.get("lines")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM price_lists WHERE id = ?", Long.class, first))
                .isEqualTo(1);
        // another scope is untouched
        assertThat(fixtures.read("/api/v1/price-lists/" + otherScope).has("validTo")).isFalse();

        ConsumerRecord<String, String> record = EventProbe.await(Topics.PRICE_LISTS, r -> second.equals(r.key()),
                Duration.ofSeconds(30));
        PriceListActivated event = EventProbe.payload(record, PriceListActivated.class);
        assertThat(event.supersededPriceListIds()).containsExactly(first);
        assertThat(event.regionCode()).isEqualTo(region);
        assertThat(event.validFrom()).isEqualTo(today.plusDays(10));
        assertThat(event.activatedBy()).isEqualTo(CONFIRMER.id());

        // the list filter shows both, and which one is valid when
        mvc.perform(get("/api/v1/price-lists").param("regionCode", region).param("customerLevel", "")
                        .param("validOn", today.plusDays(5).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.hasItem(first)))
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(second))));
    }

    @Test
    void aListCannotVoidAnActiveListOfTheSameScopeThatStartsOnOrAfterIt() throws Exception {
        String region = PricingFixtures.uniqueRegion();
        String scope = "{\"regionCode\":\"" + region + "\"}";
        String product = fixtures.product("120.00", null);
        String later = fixtures.active("Later " + region, today.plusDays(20), null, scope, lines(product));
        String earlier = fixtures.reviewed("Earlier " + region, today.plusDays(5), null, scope, lines(product));
        mvc.perform(post("/api/v1/price-lists/" + earlier + "/activate").with(CONFIRMER.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PRICE_LIST_OVERLAP"));
        assertThat(fixtures.read("/api/v1/price-lists/" + earlier).get("status").asString()).isEqualTo("REVIEWED");
        assertThat(fixtures.read("/api/v1/price-lists/" + later).has("validTo")).isFalse();

        // a list that ends before the later one starts does not overlap it
        String bounded = fixtures.reviewed("Bounded " + region, today.plusDays(5), today.plusDays(19), scope,
                lines(product));
        mvc.perform(post("/api/v1/price-lists/" + bounded + "/activate").with(CONFIRMER.asCaller()))
                .andExpect(status().isOk());
        assertThat(fixtures.read("/api/v1/price-lists/" + later).has("validTo")).isFalse();
    }

    @Test
    void anActiveListPastItsEndIsMarkedExpiredByTheJobAndStillReadable() throws Exception {
        // scoped to a category of its own: applies to any customer, and no other test's list shares its scope
        String category = fixtures.category("Ending " + PricingFixtures.uniqueRegion(), null);
        String product = fixtures.product("120.00", category);
        String id = fixtures.active("Ending", today.plusDays(1), today.plusDays(2),
                "{\"categoryId\":\"" + category + "\"}", lines(product));
        // as if its end date had passed
        jdbc.update("UPDATE price_lists SET valid_from = ?, valid_to = ? WHERE id = ?", today.minusDays(10),
                today.minusDays(1), id);
        int expired = 0;
        for (int run = 0; run < 1000 && fixtures.read("/api/v1/price-lists/" + id).get("status").asString()
                .equals("ACTIVE"); run++) {
            expired += priceListService.expireDue(100);
        }
        assertThat(expired).isPositive();
        JsonNode list = fixtures.read("/api/v1/price-lists/" + id);
        assertThat(list.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(list.get("expiredAt").asString()).isNotBlank();
        JsonNode last = null;
        for (JsonNode entry : fixtures.read("/api/v1/price-lists/" + id + "/history").get("entries")) {
            last = entry;
        }
        assertThat(last).isNotNull();
        assertThat(last.get("by").asString()).isEqualTo("system");
        assertThat(last.get("changes").toString()).contains("\"to\":\"EXPIRED\"");
        // an expired list still prices the dates of its validity
        mvc.perform(get("/api/v1/prices/effective").param("productId", product)
                        .param("date", today.minusDays(5).toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("PRICE_LIST"))
                .andExpect(jsonPath("$.priceListId").value(id));
        mvc.perform(get("/api/v1/prices/effective").param("productId", product))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("LIST_PRICE"));
    }

    @Test
    void everyChangeIsKeptInTheHistoryWithWhoMadeIt() throws Exception {
        String product = fixtures.product("120.00", null);
        String extra = fixtures.product("50.00", null);
        String id = fixtures.draft("History", today.plusDays(1), null, uniqueScope(), lines(product));
        JsonNode list = fixtures.read("/api/v1/price-lists/" + id);
        String extraLine = fixtures.body(mvc.perform(post("/api/v1/price-lists/" + id + "/lines")
                        .with(ENTRY.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content(productLine(extra, "50.00", "40.00", "[]")))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        long version = list.get("version").asLong() + 1;
        mvc.perform(delete("/api/v1/price-lists/" + id + "/lines/" + extraLine).with(ENTRY.asCaller())
                .header("If-Match", "\"" + version + "\"")).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/price-lists/" + id + "/submit").with(ENTRY.asCaller())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/price-lists/" + id + "/review").with(REVIEWER.asCaller()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/price-lists/" + id + "/activate").with(CONFIRMER.asCaller()))
                .andExpect(status().isOk());

        JsonNode history = fixtures.read("/api/v1/price-lists/" + id + "/history");
        List<String> listSteps = new ArrayList<>();
        List<String> lineSteps = new ArrayList<>();
        for (JsonNode entry : history.get("entries")) {
            String step = entry.get("change").asString() + " by " + entry.get("by").asString();
            if (entry.get("subject").asString().equals("PRICE_LIST")) {
                for (JsonNode change : entry.get("changes")) {
                    if (change.get("field").asString().equals("status")) {
                        listSteps.add(step + ": " + (change.has("from") ? change.get("from").asString() : "-")
                                + " -> " + change.get("to").asString());
                    }
                }
            }
            else {
                lineSteps.add(step + (entry.get("subjectId").asString().equals(extraLine) ? " (extra)" : ""));
            }
        }
        assertThat(listSteps).containsExactly(
                "ADDED by " + ENTRY.id() + ": - -> DRAFT",
                "MODIFIED by " + ENTRY.id() + ": DRAFT -> SUBMITTED",
                "MODIFIED by " + REVIEWER.id() + ": SUBMITTED -> REVIEWED",
                "MODIFIED by " + CONFIRMER.id() + ": REVIEWED -> ACTIVE");
        assertThat(lineSteps).containsExactly("ADDED by " + ENTRY.id(), "ADDED by " + ENTRY.id() + " (extra)",
                "REMOVED by " + ENTRY.id() + " (extra)");
        List<String> removedFields = new ArrayList<>();
        for (JsonNode entry : history.get("entries")) {
            if (entry.get("change").asString().equals("REMOVED")) {
                entry.get("changes").forEach(c -> removedFields.add(c.get("field").asString()));
            }
        }
        assertThat(removedFields).contains("productId", "listPrice", "floorPrice");
        mvc.perform(get("/api/v1/price-lists/" + java.util.UUID.randomUUID() + "/history"))
                .andExpect(status().isNotFound());
    }
}
