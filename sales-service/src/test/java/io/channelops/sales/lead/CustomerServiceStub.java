package io.channelops.sales.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * WireMock standing in for customer-service at the Feign boundary: one per test JVM on a free port, with answers in
 * the real API's shape (customers page, phone lookup, created customer and contact, problem+json refusals).
 */
public final class CustomerServiceStub {

    public static final String CUSTOMERS = "/api/v1/customers";
    public static final String LOOKUP = "/api/v1/customers/lookup";

    public static final WireMockServer SERVER = start();

    private CustomerServiceStub() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-shutdown"));
        return server;
    }

    /** Forgets every stub and request; then customer-service knows no customer that looks like any lead. */
    public static void reset() {
        SERVER.resetAll();
        SERVER.stubFor(get(urlPathEqualTo(CUSTOMERS)).atPriority(10).willReturn(okJson("""
                {"content":[],"page":{"number":0,"size":5,"totalElements":0,"totalPages":0}}""")));
        SERVER.stubFor(get(urlPathEqualTo(LOOKUP)).atPriority(10).willReturn(okJson("[]")));
    }

    public static ResponseDefinitionBuilder createdCustomer(String id, String code, String name) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withHeader("Location", CUSTOMERS + "/" + id).withBody("""
                        {"id":"%s","code":"%s","name":"%s","type":"DIRECT","regionCode":"EAST",
                         "ownerId":"u-rep-east1-a","orgPath":"/hq/east/team-1","createdAt":"2026-06-14T08:30:00Z",
                         "updatedAt":"2026-06-14T08:30:00Z","version":0}""".formatted(id, code, name));
    }

    public static ResponseDefinitionBuilder createdContact(String id) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"id":"%s","name":"Li Wei","title":"Head of Purchasing","phones":[{"number":"+86 21 5555 0100",
                 "label":"WORK"}],"email":"li.wei@acme.example","primary":true}""".formatted(id));
    }

    public static ResponseDefinitionBuilder problem(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
                {"type":"https://channelops.io/problems/%s","title":"Problem","status":%d,"code":"%s",
                 "detail":"refused by the stub","traceId":"0af7651916cd43dd8448eb211c80319c"}"""
                .formatted(code.toLowerCase().replace('_', '-'), status, code));
    }
}
