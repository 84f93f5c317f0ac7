package io.channelops.sales.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;

import io.channelops.events.Topics;
import io.channelops.events.sales.ProductChanged;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.sales.pricelist.PricingFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The category tree and the classified, described product over HTTP. */
@ServiceIntegrationTest
class CatalogApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private PricingFixtures fixtures;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        fixtures = new PricingFixtures(mvc, json);
    }

    private String categoryPatch(String id, String body) throws Exception {
        long version = fixtures.read("/api/v1/product-categories/" + id).get("version").asLong();
        return fixtures.body(mvc.perform(patch("/api/v1/product-categories/" + id)
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn()).toString();
    }

    @Test
    void buildsATreeWithPathsAndRefusesCyclesAndDuplicateSiblingNames() throws Exception {
        String root = fixtures.category("Pumps " + run, null);
        String centrifugal = fixtures.category("Centrifugal", root);
        String stainless = fixtures.category("Stainless", centrifugal);
        mvc.perform(get("/api/v1/product-categories/" + stainless)).andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value(contains("Pumps " + run, "Centrifugal", "Stainless")))
                .andExpect(jsonPath("$.ancestorIds").value(contains(root, centrifugal)))
                .andExpect(jsonPath("$.depth").value(3))
                .andExpect(jsonPath("$.parentId").value(centrifugal));

        // moving a category under its own descendant would be a cycle
        long version = fixtures.read("/api/v1/product-categories/" + root).get("version").asLong();
        mvc.perform(patch("/api/v1/product-categories/" + root).header("If-Match", "\"" + version + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"parentId\":\"" + stainless + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("CATEGORY_CYCLE"));
        mvc.perform(patch("/api/v1/product-categories/" + root).header("If-Match", "\"" + version + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"parentId\":\"" + root + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("CATEGORY_CYCLE"));
        mvc.perform(post("/api/v1/product-categories").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"centrifugal\",\"parentId\":\"" + root + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CATEGORY_NAME_TAKEN"));

        // moving a subtree moves the paths below it
        String other = fixtures.category("Other " + run, null);
        categoryPatch(centrifugal, "{\"parentId\":\"" + other + "\"}");
        mvc.perform(get("/api/v1/product-categories/" + stainless))
                .andExpect(jsonPath("$.path").value(contains("Other " + run, "Centrifugal", "Stainless")))
                .andExpect(jsonPath("$.ancestorIds").value(contains(other, centrifugal)));
        // and back to the roots
        categoryPatch(centrifugal, "{\"parentId\":\"\",\"name\":\"Centrifugal " + run + "\"}");
        mvc.perform(get("/api/v1/product-categories/" + stainless))
                .andExpect(jsonPath("$.path").value(contains("Centrifugal " + run, "Stainless")))
                .andExpect(jsonPath("$.depth").value(2));
        mvc.perform(get("/api/v1/product-categories").param("parentId", centrifugal))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[*].id").value(contains(stainless)));
        mvc.perform(post("/api/v1/product-categories").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Orphan\",\"parentId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_CATEGORY"));
    }

    @Test
    void aCategoryInUseCannotBeDeletedAndAnUnusedOneCan() throws Exception {
        String root = fixtures.category("Delete " + run, null);
        String child = fixtures.category("Child", root);
        mvc.perform(delete("/api/v1/product-categories/" + root))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CATEGORY_IN_USE"));
        String product = fixtures.product("10.00", child);
        mvc.perform(delete("/api/v1/product-categories/" + child))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CATEGORY_IN_USE"));
        String priced = fixtures.category("Priced " + run, null);
        fixtures.draft("Category list " + run, java.time.LocalDate.now().plusDays(1), null, "{}",
                "[" + PricingFixtures.categoryLine(priced, "10.00", "9.00") + "]");
        mvc.perform(delete("/api/v1/product-categories/" + priced))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CATEGORY_IN_USE"));
        String unused = fixtures.category("Unused " + run, null);
        mvc.perform(delete("/api/v1/product-categories/" + unused)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/product-categories/" + unused)).andExpect(status().isNotFound());
        assertThat(product).isNotBlank();
    }

    @Test
    void aProductCarriesBrandCategorySpecificationTaxAndKeyBrandAndProductChangedSaysSo() throws Exception {
        String category = fixtures.category("Valves " + run, null);
        String sku = PricingFixtures.uniqueSku();
        JsonNode created = fixtures.body(mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"sku":"%s","name":"Ball valve","unit":"PCS","listPrice":{"amount":45.00,"currency":"CNY"},
                                 "brand":"Aquaflow","categoryId":"%s","keyBrand":true,"taxCategory":"reduced",
                                 "vatRate":0.09,"specification":{"text":"Brass body",
                                 "attributes":{"size":"DN25","pressure":"PN16"}}}""".formatted(sku, category)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.brand").value("Aquaflow"))
                .andExpect(jsonPath("$.categoryId").value(category))
                .andExpect(jsonPath("$.keyBrand").value(true))
                .andExpect(jsonPath("$.taxCategory").value("REDUCED"))
                .andExpect(jsonPath("$.vatRate").value(0.09))
                .andExpect(jsonPath("$.specification.text").value("Brass body"))
                .andExpect(jsonPath("$.specification.attributes.size").value("DN25"))
                .andReturn());
        String id = created.get("id").asString();
        ConsumerRecord<String, String> record = EventProbe.await(Topics.PRODUCTS, r -> id.equals(r.key()),
                Duration.ofSeconds(30));
        ProductChanged event = EventProbe.payload(record, ProductChanged.class);
        assertThat(event.brand()).isEqualTo("Aquaflow");
        assertThat(event.categoryId()).isEqualTo(category);
        assertThat(event.unit()).isEqualTo("PCS");
        assertThat(event.vatRate()).isEqualByComparingTo(new BigDecimal("0.09"));
        assertThat(event.keyBrand()).isTrue();

        // clearing brand and category, a default product gets the default tax
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"brand\":\"\",\"categoryId\":\"\",\"keyBrand\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.brand").doesNotExist())
                .andExpect(jsonPath("$.categoryId").doesNotExist()).andExpect(jsonPath("$.keyBrand").value(false));
        List<ConsumerRecord<String, String>> events = EventProbe.collect(Topics.PRODUCTS, r -> id.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(2);
        ProductChanged cleared = EventProbe.payload(events.get(1), ProductChanged.class);
        assertThat(cleared.brand()).isEmpty();
        assertThat(cleared.categoryId()).isEmpty();
        assertThat(cleared.keyBrand()).isFalse();
        String plain = fixtures.product("10.00", null);
        mvc.perform(get("/api/v1/products/" + plain)).andExpect(jsonPath("$.taxCategory").value("STANDARD"))
                .andExpect(jsonPath("$.vatRate").value(0.13));
    }

    @Test
    void refusesAnUnknownCategoryAnInvalidVatRateAndBadSpecificationAttributes() throws Exception {
        String sku = PricingFixtures.uniqueSku();
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON).content("""
                        {"sku":"%s","name":"X","listPrice":{"amount":1,"currency":"CNY"},"categoryId":"%s"}"""
                        .formatted(sku, UUID.randomUUID())))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_CATEGORY"));
        mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON).content("""
                        {"sku":"%s","name":"X","listPrice":{"amount":1,"currency":"CNY"},"vatRate":1.0,
                         "specification":{"attributes":{"bad key!":"x"}}}""".formatted(sku)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'vatRate')]").exists());
        mvc.perform(get("/api/v1/products/by-sku-does-not-exist")).andExpect(status().isNotFound());
    }

    @Test
    void filtersProductsByCategorySubtreeBrandKeyBrandStatusAndText() throws Exception {
        String root = fixtures.category("Filter " + run, null);
        String child = fixtures.category("Child", root);
        String other = fixtures.category("Elsewhere " + run, null);
        String brand = "Brand" + run;
        String inRoot = product(root, brand, true);
        String inChild = product(child, brand, false);
        String elsewhere = product(other, brand, true);
        mvc.perform(get("/api/v1/products").param("categoryId", root).param("size", "200"))
                .andExpect(jsonPath("$.content[*].id").value(containsInAnyOrder(inRoot, inChild)));
        mvc.perform(get("/api/v1/products").param("categoryId", child))
                .andExpect(jsonPath("$.content[*].id").value(contains(inChild)));
        mvc.perform(get("/api/v1/products").param("brand", brand.toUpperCase()).param("keyBrand", "true"))
                .andExpect(jsonPath("$.content[*].id").value(containsInAnyOrder(inRoot, elsewhere)));
        mvc.perform(get("/api/v1/products").param("brand", brand).param("categoryId", root).param("keyBrand", "false")
                        .param("status", "ACTIVE").param("q", "filtered"))
                .andExpect(jsonPath("$.content[*].id").value(contains(inChild)));
        mvc.perform(get("/api/v1/products").param("categoryId", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
    }

    private String product(String categoryId, String brand, boolean keyBrand) throws Exception {
        return fixtures.body(mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON).content("""
                        {"sku":"%s","name":"Filtered item","listPrice":{"amount":1,"currency":"CNY"},
                         "categoryId":"%s","brand":"%s","keyBrand":%s}"""
                        .formatted(PricingFixtures.uniqueSku(), categoryId, brand, keyBrand)))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
    }
}
