package io.channelops.order.order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.channelops.order.support.OtherServices.PRICES;
import static io.channelops.order.support.OtherServices.SALES;
import static io.channelops.order.support.OtherServices.financeApproves;
import static io.channelops.order.support.OtherServices.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.Fault;
import io.channelops.order.support.IntegrationTestSupport;
import io.channelops.platform.test.Callers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Orders created from accepted quotes, with WireMock standing in for sales-service's quote API. */
class OrderFromQuoteIT extends IntegrationTestSupport {

    private static final String FROM_QUOTE = "/api/v1/orders/from-quote";

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** sales-service answers quote {@code quoteId} in its real shape (with fields order-service ignores). */
    private static void salesQuote(String quoteId, String status, LocalDate validUntil, String customerId,
            String productA, String productB) {
        SALES.stubFor(get(urlPathEqualTo("/api/v1/quotes/" + quoteId)).willReturn(okJson("""
                {"id":"%s","number":"Q-2026-000123","quoteVersion":2,"status":"%s","customerId":"%s",
                 "opportunityId":"8e4f0a52-7d1b-4c57-9f0e-2b1a3c4d5e6f","currency":"CNY","quoteDate":"2026-11-01",
                 "validUntil":"%s",
                 "lines":[{"lineNo":1,"productId":"%s","sku":"PUMP-200","productName":"Pump","quantity":40,
                           "priceSource":"PRICE_LIST","listUnitPrice":{"amount":1216.48,"currency":"CNY"},
                           "floorPrice":{"amount":1100.00,"currency":"CNY"},
                           "unitPrice":{"amount":1050.00,"currency":"CNY"},"discountPercent":13.68,
                           "belowFloor":true,"vatRate":0.13,"netAmount":{"amount":42000.00,"currency":"CNY"}},
                          {"lineNo":2,"productId":"%s","sku":"SEAL-1","productName":"Seal","quantity":3,
                           "unitPrice":{"amount":12.5,"currency":"CNY"}}],
                 "netTotal":{"amount":42037.50,"currency":"CNY"},"ownerId":"u-rep-east1-a",
                 "orgPath":"/hq/east/team-1","approvals":[],"version":6}"""
                .formatted(quoteId, status, customerId, validUntil, productA, productB))));
    }

    private MvcResult fromQuote(String quoteId, String bearer) throws Exception {
        return mvc.perform(post(FROM_QUOTE).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"quoteId\":\"" + quoteId + "\"}")).andReturn();
    }

    @Test
    void createsADraftWithTheQuotesCustomerLinesAndAgreedPricesRelayingTheCallersToken() throws Exception {
        String quote = uuid();
        String customer = uuid();
        String pump = uuid();
        String seal = uuid();
        salesQuote(quote, "ACCEPTED", today(), customer, pump, seal);
        String bearer = Callers.REP_EAST_1.bearer();

        MvcResult result = fromQuote(quote, bearer);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode order = read(result);
        String id = order.get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/orders/" + id);
        assertThat(order.get("status").asString()).isEqualTo("DRAFT");
        assertThat(order.get("customerId").asString()).isEqualTo(customer);
        assertThat(order.get("currency").asString()).isEqualTo("CNY");
        assertThat(order.get("salesRepId").asString()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(order.get("quote").get("id").asString()).isEqualTo(quote);
        assertThat(order.get("quote").get("number").asString()).isEqualTo("Q-2026-000123");
        assertThat(order.get("quote").get("version").asInt()).isEqualTo(2);
        JsonNode lines = order.get("lines");
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).get("productId").asString()).isEqualTo(pump);
        assertThat(lines.get(0).get("quantity").asLong()).isEqualTo(40);
        assertThat(lines.get(0).get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("1050.00");
        assertThat(lines.get(0).get("priceSource").asString()).isEqualTo("QUOTE");
        assertThat(lines.get(1).get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(order.get("total").get("amount").decimalValue()).isEqualByComparingTo("42037.50");
        Map<String, Object> row = jdbc.queryForMap("SELECT quote_id, owner_id, org_path FROM orders WHERE id = ?",
                id);
        assertThat(row).containsEntry("quote_id", quote).containsEntry("owner_id", Callers.REP_EAST_1.id())
                .containsEntry("org_path", Callers.EAST_1);

        // the Feign contract: GET /api/v1/quotes/{id} with the caller's own token; no price lookup
        SALES.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/quotes/" + quote))
                .withHeader("Authorization", equalTo(bearer)));
        SALES.verify(0, getRequestedFor(urlPathEqualTo(PRICES)));
    }

    @Test
    void aSecondCallAnswersTheSameOrderWithoutCreatingAnother() throws Exception {
        String quote = uuid();
        salesQuote(quote, "ACCEPTED", today().plusDays(3), uuid(), uuid(), uuid());
        MvcResult first = fromQuote(quote, Callers.REP_EAST_1.bearer());
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        String id = read(first).get("id").asString();

        mvc.perform(post(FROM_QUOTE).with(Callers.REP_EAST_1.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quoteId\":\"" + quote.toUpperCase() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(header().string("ETag", "\"0\""));
        assertThat(rows("SELECT COUNT(*) FROM orders WHERE quote_id = ?", quote)).isEqualTo(1);
        // the rep's manager sees the same order; a rep of another team gets 404, as for the order itself
        mvc.perform(post(FROM_QUOTE).with(Callers.MANAGER_EAST_1.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quoteId\":\"" + quote + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(post(FROM_QUOTE).with(Callers.REP_WEST_1.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quoteId\":\"" + quote + "\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAnAcceptedQuoteWithinItsValidityBecomesAnOrder() throws Exception {
        for (String state : new String[] {"SENT", "APPROVED", "PENDING_APPROVAL", "REJECTED", "EXPIRED", "DRAFT"}) {
            String quote = uuid();
            String customer = uuid();
            salesQuote(quote, state, today().plusDays(10), customer, uuid(), uuid());
            mvc.perform(post(FROM_QUOTE).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"quoteId\":\"" + quote + "\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("QUOTE_NOT_ACCEPTED"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(state)));
            assertThat(rows("SELECT COUNT(*) FROM orders WHERE customer_id = ?", customer)).isZero();
        }
        String expired = uuid();
        salesQuote(expired, "ACCEPTED", today().minusDays(1), uuid(), uuid(), uuid());
        mvc.perform(post(FROM_QUOTE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quoteId\":\"" + expired + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("QUOTE_NOT_ACCEPTED"));
        assertThat(rows("SELECT COUNT(*) FROM orders WHERE quote_id = ?", expired)).isZero();
    }

    @Test
    void anUnknownOrInvisibleQuoteAnswers422AndAnUnreachableSales503() throws Exception {
        String unknown = uuid();
        SALES.stubFor(get(urlPathEqualTo("/api/v1/quotes/" + unknown)).willReturn(problem(404, "NOT_FOUND")));
        mvc.perform(post(FROM_QUOTE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quoteId\":\"" + unknown + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_QUOTE"));

        String down = uuid();
        SALES.stubFor(get(urlPathEqualTo("/api/v1/quotes/" + down))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        mvc.perform(post(FROM_QUOTE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quoteId\":\"" + down + "\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        assertThat(rows("SELECT COUNT(*) FROM orders WHERE quote_id IN (?, ?)", unknown, down)).isZero();

        mvc.perform(post(FROM_QUOTE).contentType(MediaType.APPLICATION_JSON).content("{\"quoteId\":\"Q-1\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(FROM_QUOTE).with(Callers.AUDITOR.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quoteId\":\"" + unknown + "\"}"))
                .andExpect(status().isForbidden());
        SALES.verify(0, getRequestedFor(urlPathMatching("/api/v1/quotes/Q-1")));
    }

    @Test
    void anOrderFromAQuoteIsSubmittedAtTheQuotesPricesWithoutRepricing() throws Exception {
        String quote = uuid();
        String customer = uuid();
        salesQuote(quote, "ACCEPTED", today(), customer, uuid(), uuid());
        financeApproves(customer);
        String id = read(fromQuote(quote, Callers.DEFAULT.bearer())).get("id").asString();

        mvc.perform(post("/api/v1/orders/" + id + "/submit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.lines[0].unitPrice.amount").value(1050.00))
                .andExpect(jsonPath("$.lines[0].priceSource").value("QUOTE"))
                .andExpect(jsonPath("$.total.amount").value(42037.50));
        SALES.verify(0, getRequestedFor(urlPathEqualTo(PRICES)));
    }
}
