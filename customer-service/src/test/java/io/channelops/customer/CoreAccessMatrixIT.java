package io.channelops.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may use the archive's endpoints on which customer: tree, history, merge, phone lookup and export of a customer
 * owned by the matrix's owner (rep A of team east-1), and the custom attribute definitions (settings: permission
 * only, no data scope), called by every kind of caller over real HTTP.
 */
@ServiceIntegrationTest
class CoreAccessMatrixIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    private String customerOfOwner(String extra) {
        String code = "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try {
            MvcResult result = mvc.perform(post("/api/v1/customers").with(AccessMatrix.OWNER.asCaller())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + code + "\",\"name\":\"Matrix " + code + "\",\"type\":\"DEALER\","
                                    + "\"regionCode\":\"EAST\"" + extra + "}"))
                    .andExpect(status().isCreated()).andReturn();
            return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register the matrix's customer", e);
        }
    }

    private String customerOfOwner() {
        return customerOfOwner("");
    }

    /** A fresh optional TEXT attribute; its key. */
    private String attribute() {
        String key = "matrix_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            mvc.perform(post("/api/v1/customer-attributes").with(Callers.ADMIN.asCaller())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"key\":\"" + key + "\",\"label\":\"Matrix\",\"type\":\"TEXT\"}"))
                    .andExpect(status().isCreated());
            return key;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot define the matrix's attribute", e);
        }
    }

    @Test
    void everyArchiveEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        AccessMatrix matrix = new AccessMatrix("customer-archive", "http://localhost:" + port);
        matrix.endpoint("GET", "/api/v1/customers/{id}/tree").requires("customers:read").ok(200)
                .record(this::customerOfOwner);
        matrix.endpoint("GET", "/api/v1/customers/{id}/history").requires("customers:read").ok(200)
                .record(this::customerOfOwner);
        // the duplicate is the owner's too: whoever sees the survivor sees it
        matrix.endpoint("POST", "/api/v1/customers/{id}/merge").requires("customers:assign").ok(200)
                .record(this::customerOfOwner)
                .body(id -> "{\"mergedCustomerId\":\"" + customerOfOwner() + "\",\"reason\":\"Access matrix\"}")
                .header("If-Match", id -> "\"0\"");
        String phone = "+86 137 " + String.format("%08d", RANDOM.nextInt(100_000_000));
        matrix.listing("/api/v1/customers/lookup?phone=" + phone.replace("+", "%2B").replace(" ", "%20"),
                "customers:read", () -> customerOfOwner(",\"phones\":[{\"number\":\"" + phone + "\"}]"));

        // custom attribute definitions are settings: administrators (customers:configure) define and change them,
        // anyone who reads customers may read them; administrators may read them too (hence the ADMIN exceptions)
        matrix.endpoint("GET", "/api/v1/customer-attributes").requires("customers:read").ok(200).unscoped()
                .record(() -> "none").expect(Callers.ADMIN, 200);
        matrix.endpoint("GET", "/api/v1/customer-attributes/{id}").requires("customers:read").ok(200).unscoped()
                .record(this::attribute).expect(Callers.ADMIN, 200);
        matrix.endpoint("POST", "/api/v1/customer-attributes").requires("customers:configure").ok(201).unscoped()
                .record(() -> "none")
                .body(id -> "{\"key\":\"matrix_" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"label\":\"Matrix\",\"type\":\"NUMBER\",\"min\":0}");
        matrix.endpoint("PUT", "/api/v1/customer-attributes/{id}").requires("customers:configure").ok(200)
                .unscoped().record(this::attribute)
                .body(id -> "{\"label\":\"Renamed by the matrix\",\"maxLength\":50}")
                .header("If-Match", id -> "\"0\"");
        matrix.verify();
    }

    /** The export is a CSV, not a page: each caller's file must hold the owner's customer exactly when they see it. */
    @Test
    void theExportHoldsACustomerExactlyForTheCallersWhoMaySeeIt() throws Exception {
        String id = customerOfOwner();
        String code = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/customers/" + id)).andReturn().getResponse().getContentAsString()).get("code")
                .asString();
        List<String> mismatches = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (Caller caller : AccessMatrix.callers("customers:read")) {
                int expected = AccessMatrix.expected(caller, "customers:read", true, 200);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + port + "/api/v1/customers/export?q=" + code)).header("Authorization",
                                caller.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
                boolean permitted = expected != 403;
                String got = response.statusCode() != 200 ? String.valueOf(response.statusCode())
                        : response.body().contains(id) ? "exported" : "left out";
                String want = !permitted ? "403" : expected == 200 ? "exported" : "left out";
                if (!got.equals(want)) {
                    mismatches.add(caller + ": expected " + want + ", got " + got);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
