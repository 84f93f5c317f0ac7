package io.channelops.sales.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The effective price as order-service asks for it, against the real database. */
@ServiceIntegrationTest
class EffectivePriceIT {

    private static final String EFFECTIVE = "/api/v1/prices/effective";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private String createProduct(String sku, String amount, String currency) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"sku":"%s","name":"Valve %s","listPrice":{"amount":%s,"currency":"%s"}}"""
                                .formatted(sku, sku, amount, currency)))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private static String uniqueSku() {
        return "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    @Test
    void answersTheListPriceOfAnActiveProduct() throws Exception {
        String sku = uniqueSku();
        String id = createProduct(sku, "99.9", "USD");
        MvcResult result = mvc.perform(get(EFFECTIVE).param("productId", id).param("quantity", "12")
                        .param("customerId", UUID.randomUUID().toString()).param("date", "2026-03-31"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();
        String body = result.getResponse().getContentAsString();
        JsonNode price = json.readTree(body);
        assertThat(price.get("productId").asString()).isEqualTo(id);
        assertThat(price.get("sku").asString()).isEqualTo(sku);
        assertThat(price.get("productName").asString()).isEqualTo("Valve " + sku);
        assertThat(price.get("unitPrice").get("currency").asString()).isEqualTo("USD");
        assertThat(body).contains("\"unitPrice\":{\"amount\":99.90,\"currency\":\"USD\"}");
        assertThat(price.get("source").asString()).isEqualTo("LIST_PRICE");
        assertThat(price.has("priceListId")).as("priceListId is always present").isTrue();
        assertThat(price.get("priceListId").isNull()).isTrue();
    }

    @Test
    void needsOnlyTheProductIdAndFollowsListPriceChanges() throws Exception {
        String id = createProduct(uniqueSku(), "10", "CNY");
        mvc.perform(get(EFFECTIVE).param("productId", id))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unitPrice.amount").value(10.00));
        mvc.perform(patch("/api/v1/products/" + id).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"listPrice\":{\"amount\":12.34,\"currency\":\"EUR\"}}"))
                .andExpect(status().isOk());
        mvc.perform(get(EFFECTIVE).param("productId", id).param("quantity", "1000000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPrice.amount").value(12.34))
                .andExpect(jsonPath("$.unitPrice.currency").value("EUR"));
    }

    @Test
    void answers404ProblemForAnUnknownProduct() throws Exception {
        mvc.perform(get(EFFECTIVE).param("productId", UUID.randomUUID().toString()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void refusesToPriceADiscontinuedProductWith422() throws Exception {
        String sku = uniqueSku();
        String id = createProduct(sku, "5", "CNY");
        mvc.perform(post("/api/v1/products/" + id + "/discontinue")).andExpect(status().isOk());
        mvc.perform(get(EFFECTIVE).param("productId", id).param("quantity", "3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PRODUCT_DISCONTINUED"))
                .andExpect(jsonPath("$.title").value("Product discontinued"))
                .andExpect(jsonPath("$.detail").value(
                        "Product " + id + " (" + sku + ") is discontinued and can no longer be priced or sold"));
        mvc.perform(get(EFFECTIVE).param("productId", id).header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.title").value("产品已停售"));
    }

    @Test
    void rejectsQuantitiesOutOfRangeOrNotANumber() throws Exception {
        String id = createProduct(uniqueSku(), "1", "CNY");
        for (String quantity : new String[] {"0", "-1", "1000001"}) {
            mvc.perform(get(EFFECTIVE).param("productId", id).param("quantity", quantity))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        }
        for (String quantity : new String[] {"abc", "1.5", "99999999999"}) {
            mvc.perform(get(EFFECTIVE).param("productId", id).param("quantity", quantity))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                    .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        }
    }

    @Test
    void rejectsAMissingOrMalformedProductIdCustomerIdOrDate() throws Exception {
        String id = createProduct(uniqueSku(), "1", "CNY");
        mvc.perform(get(EFFECTIVE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        mvc.perform(get(EFFECTIVE).param("productId", "not-a-uuid"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        mvc.perform(get(EFFECTIVE).param("productId", id).param("customerId", "C-42"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        for (String date : new String[] {"31/03/2026", "2026-02-30", "2026-03-31T00:00:00Z"}) {
            mvc.perform(get(EFFECTIVE).param("productId", id).param("date", date))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                    .andExpect(jsonPath("$.errors[0].field").value("date"));
        }
    }
}
