package io.channelops.order.order;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.channelops.order.support.OtherServices.FINANCE;
import static io.channelops.order.support.OtherServices.PRICES;
import static io.channelops.order.support.OtherServices.SALES;
import static io.channelops.order.support.OtherServices.priceRequest;
import static io.channelops.order.support.OtherServices.problem;
import static io.channelops.order.support.OtherServices.salesPrices;
import static io.channelops.order.support.OtherServices.salesRefuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.channelops.order.support.IntegrationTestSupport;
import io.channelops.platform.test.Callers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Creating, reading, listing and cancelling orders; pricing through WireMock'd sales-service. */
class OrderApiIT extends IntegrationTestSupport {

    private long ordersOf(String customerId) {
        return rows("SELECT COUNT(*) FROM orders WHERE customer_id = ?", customerId);
    }

    @Test
    void createsADraftWhoseLinesArePricedBySalesService() throws Exception {
        String customer = uuid();
        String widget = uuid();
        String gadget = uuid();
        salesPrices(widget, "12.50", "CNY");
        salesPrices(gadget, "0.33", "CNY");

        MvcResult result = mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", widget, "3", gadget, "7")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.currency").value("CNY"))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].lineNo").value(1))
                .andExpect(jsonPath("$.lines[0].productId").value(widget))
                .andExpect(jsonPath("$.lines[0].quantity").value(3))
                .andExpect(jsonPath("$.lines[0].unitPrice.amount").value(12.50))
                .andExpect(jsonPath("$.lines[0].unitPrice.currency").value("CNY"))
                .andExpect(jsonPath("$.lines[0].lineTotal.amount").value(37.50))
                .andExpect(jsonPath("$.lines[0].priceSource").value("LIST_PRICE"))
                .andExpect(jsonPath("$.lines[1].lineTotal.amount").value(2.31))
                .andExpect(jsonPath("$.total.amount").value(39.81))
                .andExpect(jsonPath("$.total.currency").value("CNY"))
                .andReturn();
        JsonNode order = read(result);
        String id = order.get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/orders/" + id);
        assertThat(order.get("number").asString()).matches("SO-[0-9A-Z]{10}");

        // the Feign contract: GET /api/v1/prices/effective?productId=&quantity=&customerId=
        SALES.verify(1, getRequestedFor(urlPathEqualTo(PRICES)).withQueryParam("productId", equalTo(widget))
                .withQueryParam("quantity", equalTo("3")).withQueryParam("customerId", equalTo(customer)));
        SALES.verify(1, getRequestedFor(urlPathEqualTo(PRICES)).withQueryParam("productId", equalTo(gadget))
                .withQueryParam("quantity", equalTo("7")).withQueryParam("customerId", equalTo(customer)));
        assertThat(rows("SELECT COUNT(*) FROM order_lines WHERE order_id = ?", id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT total_amount FROM orders WHERE id = ?", BigDecimal.class, id))
                .isEqualByComparingTo("39.81");
    }

    @Test
    void readsAnOrderWithItsETagAndAnswers404ForAnUnknownOne() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "5", "CNY");
        String id = createOrder(customer, product, "2").get("id").asString();

        mvc.perform(get("/api/v1/orders/" + id)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.total.amount").value(10.00))
                .andExpect(jsonPath("$.creditCheck.attempts").value(0));
        mvc.perform(get("/api/v1/orders/" + uuid()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void anUnknownProductAnswers422AndCreatesNothing() throws Exception {
        String customer = uuid();
        String known = uuid();
        String unknown = uuid();
        salesPrices(known, "1.00", "CNY");
        salesRefuses(unknown, 404, "NOT_FOUND");

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", known, "1", unknown, "1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_PRODUCT"))
                .andExpect(jsonPath("$.detail").value("Product " + unknown + " is not known to sales-service"));
        assertThat(ordersOf(customer)).isZero();

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
                        .content(orderBody(customer, "CNY", unknown, "1")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.title").value("未知产品"));
    }

    @Test
    void aDiscontinuedProductAnswers422ProductDiscontinued() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesRefuses(product, 422, "PRODUCT_DISCONTINUED");

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PRODUCT_DISCONTINUED"));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void aPriceInAnotherCurrencyAnswers422CurrencyMismatch() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "9.99", "USD");

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CURRENCY_MISMATCH"));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void anOrderAmountBeyondTheMoneyRangeAnswers422() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "999999999999.99", "CNY");

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1000000")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ORDER_AMOUNT_TOO_LARGE"));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void salesServiceDownOrFailingAnswers503AfterARetryAndCreatesNothing() throws Exception {
        String customer = uuid();
        String product = uuid();
        SALES.stubFor(priceRequest(product).willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"))
                .andExpect(jsonPath("$.detail").value("sales-service is unavailable; nothing was changed, try again later"));
        assertThat(ordersOf(customer)).isZero();

        SALES.resetRequests();
        SALES.stubFor(priceRequest(product).willReturn(problem(500, "INTERNAL_ERROR")));
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        // the price lookup is a GET: tried twice
        SALES.verify(2, getRequestedFor(urlPathEqualTo(PRICES)).withQueryParam("productId", equalTo(product)));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void salesServiceTooSlowAnswers503() throws Exception {
        String customer = uuid();
        String product = uuid();
        SALES.stubFor(priceRequest(product).willReturn(WireMock.okJson("""
                {"productId":"%s","unitPrice":{"amount":1.00,"currency":"CNY"},"source":"LIST_PRICE"}"""
                .formatted(product)).withFixedDelay(1_200)));

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void anOpenSalesCircuitAnswers503WithoutCallingSales() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "1.00", "CNY");
        resilience.circuitBreakers().circuitBreaker("sales").transitionToForcedOpenState();

        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        SALES.verify(0, getRequestedFor(urlPathEqualTo(PRICES)));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void rejectsInvalidFieldsWithEveryErrorListedWithoutAskingSalesOrWriting() throws Exception {
        String customer = uuid();
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","currency":"cny",
                         "lines":[{"productId":"not-a-uuid","quantity":0},{"productId":"%s","quantity":1000001},null]}"""
                        .formatted(customer, uuid())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[?(@.field == 'lines[0].quantity')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'lines[1].quantity')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'currency')]").exists());
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + customer + "\",\"currency\":\"CNY\",\"lines\":[]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines"));
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            pairs.add(uuid());
            pairs.add("1");
        }
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", pairs.toArray(String[]::new))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines"));
        SALES.verify(0, getRequestedFor(urlPathEqualTo(PRICES)));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void rejectsUnknownFieldsMalformedJsonAndFractionalQuantities() throws Exception {
        String customer = uuid();
        String product = uuid();
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","currency":"CNY","status":"APPROVED",
                         "lines":[{"productId":"%s","quantity":1}]}""".formatted(customer, product)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","currency":"CNY",
                         "lines":[{"productId":"%s","quantity":1,"unitPrice":0.01}]}""".formatted(customer, product)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"));
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","currency":"CNY",
                         "lines":[{"productId":"%s","quantity":1.5}]}""".formatted(customer, product)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","currency":"CNY",
                         "lines":[{"productId":"%s","quantity":"many"}]}""".formatted(customer, product)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        SALES.verify(0, getRequestedFor(urlPathEqualTo(PRICES)));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void listsOrdersByCustomerAndStatusPageByPage() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        String first = createOrder(customer, product, "1").get("id").asString();
        createOrder(customer, product, "2");
        createOrder(customer, product, "3");
        mvc.perform(post("/api/v1/orders/" + first + "/cancel")).andExpect(status().isOk());

        mvc.perform(get("/api/v1/orders").param("customerId", customer).param("size", "2")
                        .param("sort", "createdAt,asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].id").value(first))
                .andExpect(jsonPath("$.content[0].lines[0].quantity").value(1))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/api/v1/orders").param("customerId", customer).param("status", "DRAFT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[?(@.id == '" + first + "')]").isEmpty());
        mvc.perform(get("/api/v1/orders").param("status", "PAID"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/orders").param("customerId", "42"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(get("/api/v1/orders").param("size", "201"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/orders").param("sort", "customerId"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
    }

    @Test
    void cancelsADraftButNothingCancelledOrUnknown() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        String id = createOrder(customer, product, "1").get("id").asString();

        mvc.perform(post("/api/v1/orders/" + id + "/cancel").header("If-Match", "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelledAt").isNotEmpty());
        mvc.perform(post("/api/v1/orders/" + id + "/cancel"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(post("/api/v1/orders/" + id + "/submit"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"))
                .andExpect(jsonPath("$.detail").value("Cannot submit order " + id + " in state CANCELLED"));
        FINANCE.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/credit-checks")));
        mvc.perform(post("/api/v1/orders/" + uuid() + "/cancel"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
    }

    @Test
    void aStaleIfMatchOnAnActionAnswers412AndChangesNothing() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        String id = createOrder(customer, product, "1").get("id").asString();

        mvc.perform(post("/api/v1/orders/" + id + "/cancel").header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        assertThat(statusOf(id)).isEqualTo("DRAFT");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneOrder() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        String key = uuid();
        String body = orderBody(customer, "CNY", product, "4");
        MvcResult first = mvc.perform(post("/api/v1/orders").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn();
        MvcResult second = mvc.perform(post("/api/v1/orders").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn();
        assertThat(read(second).get("id").asString()).isEqualTo(read(first).get("id").asString());
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void aNewOrderBelongsToItsCreatorWhoIsItsSalesRep() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");

        MvcResult created = mvc.perform(post("/api/v1/orders").with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.salesRepId").value(Callers.REP_EAST_1.id()))
                .andReturn();
        String id = read(created).get("id").asString();
        Map<String, Object> row = jdbc.queryForMap("SELECT owner_id, org_path FROM orders WHERE id = ?", id);
        assertThat(row).containsEntry("owner_id", Callers.REP_EAST_1.id())
                .containsEntry("org_path", Callers.REP_EAST_1.orgPath());
    }

    @Test
    void theOwnerIsServerOwnedAndCannotBeSentInTheBody() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        for (String field : List.of("\"ownerId\":\"u-rep-west1-a\"", "\"orgPath\":\"/hq/west\"",
                "\"salesRepId\":\"u-rep-west1-a\"")) {
            String fieldName = field.substring(1, field.indexOf('"', 1));
            mvc.perform(post("/api/v1/orders").with(Callers.REP_EAST_1.asCaller())
                            .contentType(MediaType.APPLICATION_JSON).content("""
                            {"customerId":"%s","currency":"CNY",%s,"lines":[{"productId":"%s","quantity":1}]}"""
                                    .formatted(customer, field, product)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                    .andExpect(jsonPath("$.errors[0].field").value(fieldName));
        }
        SALES.verify(0, getRequestedFor(urlPathEqualTo(PRICES)));
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void listsAndTotalsOnlyTheOrdersInTheCallersScope() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        for (var rep : List.of(Callers.REP_EAST_1, Callers.REP_EAST_1, Callers.REP_EAST_2)) {
            mvc.perform(post("/api/v1/orders").with(rep.asCaller()).contentType(MediaType.APPLICATION_JSON)
                    .content(orderBody(customer, "CNY", product, "1"))).andExpect(status().isCreated());
        }

        record Expectation(io.channelops.platform.test.Caller caller, int total) {
        }
        for (Expectation expected : List.of(new Expectation(Callers.REP_EAST_1, 2),
                new Expectation(Callers.REP_EAST_2, 1), new Expectation(Callers.REP_WEST_1, 0),
                new Expectation(Callers.MANAGER_EAST_1, 2), new Expectation(Callers.MANAGER_EAST, 3),
                new Expectation(Callers.MANAGER_WEST, 0), new Expectation(Callers.AUDITOR, 3))) {
            mvc.perform(get("/api/v1/orders").param("customerId", customer).with(expected.caller().asCaller()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content.length()").value(expected.total()))
                    .andExpect(jsonPath("$.page.totalElements").value(expected.total()));
        }
        // the sales-rep filter is the owner, and never widens the scope
        mvc.perform(get("/api/v1/orders").param("customerId", customer).param("salesRepId", Callers.REP_EAST_2.id()))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].salesRepId").value(Callers.REP_EAST_2.id()));
        mvc.perform(get("/api/v1/orders").param("customerId", customer).param("salesRepId", Callers.REP_EAST_2.id())
                        .with(Callers.REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void anOrderOutOfScopeIsNotFoundForReadsAndActionsAndStaysUnchanged() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        String id = read(mvc.perform(post("/api/v1/orders").with(Callers.REP_EAST_1.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();

        mvc.perform(get("/api/v1/orders/" + id).with(Callers.REP_EAST_1_B.asCaller()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        for (String action : List.of("submit", "release", "cancel")) {
            mvc.perform(post("/api/v1/orders/" + id + "/" + action).with(Callers.MANAGER_WEST.asCaller()))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }
        FINANCE.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/credit-checks")));
        assertThat(statusOf(id)).isEqualTo("DRAFT");
    }

    @Test
    void actionsNeedTheirPermissionOr403() throws Exception {
        String customer = uuid();
        String product = uuid();
        salesPrices(product, "2.00", "CNY");
        mvc.perform(post("/api/v1/orders").with(Callers.AUDITOR.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        assertThat(ordersOf(customer)).isZero();
        String id = read(mvc.perform(post("/api/v1/orders").with(Callers.REP_EAST_1.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(orderBody(customer, "CNY", product, "1")))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();

        // releasing a credit hold is a manager's decision, even for the order's own rep
        mvc.perform(post("/api/v1/orders/" + id + "/release").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(post("/api/v1/orders/" + id + "/cancel").with(Callers.LOGISTICS.asCaller()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(get("/api/v1/orders").with(Callers.ADMIN.asCaller()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        assertThat(statusOf(id)).isEqualTo("DRAFT");
    }

    @Test
    void publishesItsApiAsOpenApi31() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(startsWith("3.1")))
                .andExpect(jsonPath("$.paths['/api/v1/orders'].post.summary").value("Create a draft order"))
                .andExpect(jsonPath("$.paths['/api/v1/orders/{id}/submit'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/orders/{id}/release'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/orders/{id}/cancel'].post").exists());
    }
}
