package io.channelops.order.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.math.BigDecimal;

/**
 * WireMock servers standing in for sales-service and finance-service at the Feign boundary: one
 * of each per test JVM on free ports, with stubs in their real API's shape.
 */
public final class OtherServices {

    public static final String PRICES = "/api/v1/prices/effective";
    public static final String CREDIT_CHECKS = "/api/v1/credit-checks";

    public static final WireMockServer SALES = start();
    public static final WireMockServer FINANCE = start();

    private OtherServices() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .containerThreads(20));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-shutdown"));
        return server;
    }

    /** Forgets every stub and every request received. */
    public static void reset() {
        SALES.resetAll();
        FINANCE.resetAll();
    }

    /** sales-service's effective-price request for {@code productId}. */
    public static MappingBuilder priceRequest(String productId) {
        return get(urlPathEqualTo(PRICES)).withQueryParam("productId", equalTo(productId));
    }

    /** sales-service prices {@code productId} at {@code amount} {@code currency} (with fields order-service ignores). */
    public static void salesPrices(String productId, String amount, String currency) {
        SALES.stubFor(priceRequest(productId).willReturn(okJson("""
                {"productId":"%s","unitPrice":{"amount":%s,"currency":"%s"},"source":"LIST_PRICE",
                 "productName":"Widget","sku":"W-1","validFrom":"2026-01-01"}""".formatted(productId,
                new BigDecimal(amount).toPlainString(), currency))));
    }

    /** sales-service answers {@code productId}'s price with a problem. */
    public static void salesRefuses(String productId, int status, String code) {
        SALES.stubFor(priceRequest(productId).willReturn(problem(status, code)));
    }

    /** finance-service's credit-check request for an order of {@code customerId}. */
    public static MappingBuilder creditCheckRequest(String customerId) {
        return post(urlPathEqualTo(CREDIT_CHECKS)).withRequestBody(matchingJsonPath("$.customerId",
                equalTo(customerId)));
    }

    /** finance-service approves every credit check of {@code customerId}. */
    public static void financeApproves(String customerId) {
        FINANCE.stubFor(creditCheckRequest(customerId).willReturn(approved()));
    }

    /** finance-service rejects every credit check of {@code customerId} for {@code reason}. */
    public static void financeRejects(String customerId, String reason) {
        FINANCE.stubFor(creditCheckRequest(customerId).willReturn(okJson("""
                {"decision":"REJECTED","reason":"%s","creditLimit":{"amount":100.00,"currency":"CNY"},
                 "exposure":{"amount":90.00,"currency":"CNY"},"available":{"amount":10.00,"currency":"CNY"}}"""
                .formatted(reason))));
    }

    public static ResponseDefinitionBuilder approved() {
        return okJson("""
                {"decision":"APPROVED","reason":null,"creditLimit":{"amount":1000000.00,"currency":"CNY"},
                 "exposure":{"amount":0.00,"currency":"CNY"},"available":{"amount":1000000.00,"currency":"CNY"}}""");
    }

    public static ResponseDefinitionBuilder problem(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
                {"type":"https://channelops.io/problems/%s","title":"Problem","status":%d,"code":"%s",
                 "traceId":"0af7651916cd43dd8448eb211c80319c"}""".formatted(code.toLowerCase().replace('_', '-'),
                status, code));
    }
}
