package io.channelops.sales.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.channelops.events.Topics;
import io.channelops.events.sales.LeadConverted;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conversion against WireMock as customer-service: the Feign contract (method, path, Authorization relayed,
 * Idempotency-Key derived from the lead, body), no half-converted lead on failure, and retries that create each
 * record exactly once.
 */
class LeadConversionIT extends LeadsTestSupport {

    private static final Caller REP = Callers.REP_EAST_1;
    private static final String CONVERT = """
            {"customer":{"type":"DISTRIBUTOR"},
             "opportunity":{"name":"Racks 2026","amount":{"amount":250000.00,"currency":"CNY"},
                            "expectedCloseDate":"2026-09-30"}}""";

    private JsonNode qualifiedLead() throws Exception {
        JsonNode lead = capture(REP, leadBody("EAST", null));
        String id = lead.path("id").asString();
        mvc.perform(postJson("/api/v1/leads/" + id + "/qualify", "").with(REP.asCaller())).andExpect(status().isOk());
        return lead(id);
    }

    private static String customersPath() {
        return CustomerServiceStub.CUSTOMERS;
    }

    private static String contactsPath(String customerId) {
        return CustomerServiceStub.CUSTOMERS + "/" + customerId + "/contacts";
    }

    private List<LoggedRequest> posts(String path) {
        return CustomerServiceStub.SERVER.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void convertsAQualifiedLeadIntoCustomerContactAndOpportunity() throws Exception {
        JsonNode lead = qualifiedLead();
        String id = lead.path("id").asString();
        String customerId = "cust-" + run;
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath()))
                .willReturn(CustomerServiceStub.createdCustomer(customerId, "C-" + run, "Acme")));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(contactsPath(customerId)))
                .willReturn(CustomerServiceStub.createdContact("contact-" + run)));

        JsonNode converted = read(mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT)
                .with(REP.asCaller())).andExpect(status().isOk()).andReturn());
        assertThat(converted.path("status").asString()).isEqualTo("CONVERTED");
        assertThat(converted.path("customerId").asString()).isEqualTo(customerId);
        assertThat(converted.path("contactId").asString()).isEqualTo("contact-" + run);
        String opportunityId = converted.path("opportunityId").asString();
        assertThat(opportunityId).hasSize(36);

        CustomerServiceStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(customersPath()))
                .withHeader("Authorization", matching("Bearer .+"))
                .withHeader("Idempotency-Key", equalTo("lead-" + id + "-customer"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"name":"%s","type":"DISTRIBUTOR","regionCode":"EAST","email":"%s"}""".formatted(
                        lead.path("company").asString(), lead.path("contact").path("email").asString()))));
        CustomerServiceStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(contactsPath(customerId)))
                .withHeader("Authorization", matching("Bearer .+"))
                .withHeader("Idempotency-Key", equalTo("lead-" + id + "-contact"))
                .withRequestBody(equalToJson("""
                        {"name":"%s","title":"Head of Purchasing","phones":[{"number":"%s","label":"WORK"}],
                         "email":"%s"}""".formatted(lead.path("contact").path("name").asString(),
                        lead.path("contact").path("phone").asString(),
                        lead.path("contact").path("email").asString()))));

        ConsumerRecord<String, String> record = EventProbe.await(Topics.LEADS,
                r -> id.equals(r.key()) && r.value().contains("opportunityId"), Duration.ofSeconds(30));
        LeadConverted event = EventProbe.payload(record, LeadConverted.class);
        assertThat(event.customerId()).isEqualTo(customerId);
        assertThat(event.contactId()).isEqualTo("contact-" + run);
        assertThat(event.opportunityId()).isEqualTo(opportunityId);
        assertThat(event.convertedBy()).isEqualTo(REP.id());
        assertThat(event.ownerId()).isEqualTo(REP.id());

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        assertThat(posts(customersPath())).as("a converted lead never asks again").hasSize(1);
    }

    @Test
    void onlyAQualifiedLeadConverts() throws Exception {
        String id = capture(REP, leadBody("EAST", null)).path("id").asString();
        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        assertThat(posts(customersPath())).isEmpty();
    }

    @Test
    void aCustomerServiceOutageLeavesTheLeadQualifiedAndTheRetryCreatesTheCustomerOnce() throws Exception {
        String id = qualifiedLead().path("id").asString();
        String customerId = "cust-" + run;
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath())).inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CustomerServiceStub.problem(503, "SERVICE_UNAVAILABLE")).willSetStateTo("back"));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath())).inScenario("outage")
                .whenScenarioStateIs("back")
                .willReturn(CustomerServiceStub.createdCustomer(customerId, "C-" + run, "Acme")));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(contactsPath(customerId)))
                .willReturn(CustomerServiceStub.createdContact("contact-" + run)));

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        JsonNode unchanged = lead(id);
        assertThat(unchanged.path("status").asString()).isEqualTo("QUALIFIED");
        assertThat(unchanged.path("customerId").isMissingNode()).isTrue();
        assertThat(posts(contactsPath(customerId))).isEmpty();

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONVERTED"))
                .andExpect(jsonPath("$.customerId").value(customerId));
        List<LoggedRequest> customerPosts = posts(customersPath());
        assertThat(customerPosts).hasSize(2);
        assertThat(customerPosts).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("lead-" + id + "-customer");
        assertThat(customerPosts.get(0).getBodyAsString()).isEqualTo(customerPosts.get(1).getBodyAsString());
        assertThat(posts(contactsPath(customerId))).hasSize(1);
    }

    @Test
    void aContactFailureAfterTheCustomerWasCreatedIsContinuedWithoutASecondCustomer() throws Exception {
        String id = qualifiedLead().path("id").asString();
        String customerId = "cust-" + run;
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath()))
                .willReturn(CustomerServiceStub.createdCustomer(customerId, "C-" + run, "Acme")));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(contactsPath(customerId))).inScenario("contact")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CustomerServiceStub.problem(500, "INTERNAL_ERROR")).willSetStateTo("fixed"));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(contactsPath(customerId))).inScenario("contact")
                .whenScenarioStateIs("fixed").willReturn(CustomerServiceStub.createdContact("contact-" + run)));

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isBadGateway()).andExpect(jsonPath("$.code").value("UPSTREAM_FAILED"));
        assertThat(lead(id).path("status").asString()).isEqualTo("QUALIFIED");
        assertThat(rows("SELECT COUNT(*) FROM lead_conversions WHERE lead_id = ? AND customer_id = ? "
                + "AND contact_id IS NULL", id, customerId)).as("the customer is recorded as created").isEqualTo(1);

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contactId").value("contact-" + run));
        assertThat(posts(customersPath())).as("no second customer").hasSize(1);
        List<LoggedRequest> contactPosts = posts(contactsPath(customerId));
        assertThat(contactPosts).hasSize(2);
        assertThat(contactPosts).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("lead-" + id + "-contact");
    }

    @Test
    void customerServiceRefusalsArePassedThroughWithTheirCode() throws Exception {
        String id = qualifiedLead().path("id").asString();
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath())).inScenario("refusals")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CustomerServiceStub.problem(409, "CUSTOMER_CODE_TAKEN")).willSetStateTo("invalid"));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath())).inScenario("refusals")
                .whenScenarioStateIs("invalid").willReturn(CustomerServiceStub.problem(400, "VALIDATION_FAILED")));

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT.replace("\"DISTRIBUTOR\"",
                        "\"DISTRIBUTOR\",\"code\":\"ACME-SH\"")).with(REP.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CUSTOMER_CODE_TAKEN"));
        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        assertThat(lead(id).path("status").asString()).isEqualTo("QUALIFIED");
        // a refused request is certain not to have created anything: the corrected retry sends its own body
        List<LoggedRequest> customerPosts = posts(customersPath());
        assertThat(customerPosts.get(0).getBodyAsString()).contains("ACME-SH");
        assertThat(customerPosts.get(1).getBodyAsString()).doesNotContain("ACME-SH");
    }

    @Test
    void aTimeoutAnswers503AndOnlyTheSameCallerMayRetryTheUncertainAttempt() throws Exception {
        String id = qualifiedLead().path("id").asString();
        String customerId = "cust-" + run;
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath())).inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CustomerServiceStub.createdCustomer(customerId, "C-" + run, "Acme").withFixedDelay(3500))
                .willSetStateTo("fast"));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(customersPath())).inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(CustomerServiceStub.createdCustomer(customerId, "C-" + run, "Acme")));
        CustomerServiceStub.SERVER.stubFor(post(urlPathEqualTo(contactsPath(customerId)))
                .willReturn(CustomerServiceStub.createdContact("contact-" + run)));

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        assertThat(lead(id).path("status").asString()).isEqualTo("QUALIFIED");

        // customer-service may have created the customer under the rep's key: a manager's retry could not replay it
        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LEAD_CONVERSION_PENDING"));

        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT.replace("Racks 2026", "Racks"))
                        .with(REP.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONVERTED"));
        List<LoggedRequest> customerPosts = posts(customersPath());
        assertThat(customerPosts).hasSize(2);
        assertThat(customerPosts).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("lead-" + id + "-customer");
        assertThat(customerPosts.get(0).getBodyAsString()).isEqualTo(customerPosts.get(1).getBodyAsString());
    }

    @Test
    void anOpenCircuitAnswers503WithoutCallingAndLeavesTheLeadUnchanged() throws Exception {
        String id = qualifiedLead().path("id").asString();
        customerGateway.circuitBreaker().transitionToForcedOpenState();
        mvc.perform(postJson("/api/v1/leads/" + id + "/convert", CONVERT).with(REP.asCaller()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("DEPENDENCY_UNAVAILABLE"));
        assertThat(posts(customersPath())).isEmpty();
        JsonNode unchanged = lead(id);
        assertThat(unchanged.path("status").asString()).isEqualTo("QUALIFIED");
        assertThat(unchanged.path("opportunityId").isMissingNode()).isTrue();
    }
}
