package io.channelops.sales.lead;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.channelops.events.Topics;
import io.channelops.events.sales.LeadCreated;
import io.channelops.events.sales.LeadQualified;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Capturing, changing and working leads; the duplicate checks against leads and customer-service. */
class LeadApiIT extends LeadsTestSupport {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Test
    void aRepCapturesALeadTheyOwnAndLeadCreatedIsPublished() throws Exception {
        JsonNode lead = capture(Callers.REP_EAST_1, leadBody("east", "\"budget\":{\"amount\":250000,"
                + "\"currency\":\"CNY\"},\"timelineMonths\":3"));
        assertThat(lead.path("status").asString()).isEqualTo("NEW");
        assertThat(lead.path("ownerId").asString()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(lead.path("orgPath").asString()).isEqualTo(Callers.EAST_1);
        assertThat(lead.path("regionCode").asString()).isEqualTo("EAST");
        assertThat(lead.path("queued").asBoolean()).isFalse();
        assertThat(lead.path("duplicateCheck").asString()).isEqualTo("CHECKED");
        assertThat(lead.path("expectedPurchaseDate").isMissingNode()).isFalse();
        assertThat(lead.path("budget").path("amount").decimalValue()).isEqualByComparingTo("250000");
        String id = lead.path("id").asString();

        ConsumerRecord<String, String> record = EventProbe.await(Topics.LEADS,
                r -> id.equals(r.key()) && r.value().contains("\"leadId\""), EVENT_WAIT);
        LeadCreated created = EventProbe.payload(record, LeadCreated.class);
        assertThat(created.ownerId()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(created.orgPath()).isEqualTo(Callers.EAST_1);
        assertThat(created.source()).isEqualTo("WEB");
        // the duplicate check asked customer-service with the rep's own token
        CustomerServiceStub.SERVER.verify(getRequestedFor(urlPathEqualTo(CustomerServiceStub.CUSTOMERS))
                .withQueryParam("q", equalTo(created.company()))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));
        CustomerServiceStub.SERVER.verify(getRequestedFor(urlPathEqualTo(CustomerServiceStub.LOOKUP))
                .withQueryParam("phone", WireMock.matching("\\+86 21 [0-9]+")));
    }

    @Test
    void refusesALeadThatMatchesAnOpenLeadByEmailPhoneOrCompany() throws Exception {
        JsonNode first = capture(Callers.REP_EAST_1, leadBody("EAST", null));
        String id = first.path("id").asString();
        String sameEmail = leadBody("EAST", null).replaceFirst("buyer-[^\"]+", first.path("contact").path("email")
                .asString().toUpperCase());
        String samePhone = leadBody("EAST", null).replaceFirst("\\+86 21 [0-9]+", "0086-21-"
                + first.path("contact").path("phone").asString().substring(7));
        String sameCompany = leadBody("WEST", null).replaceFirst("Company [^\"]+",
                first.path("company").asString().toLowerCase() + ".");
        for (String body : new String[] {sameEmail, samePhone, sameCompany}) {
            mvc.perform(postJson("/api/v1/leads", body).with(Callers.REP_WEST_1.asCaller()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("DUPLICATE_LEAD"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(id)));
        }
        // once the first lead is closed, the same company may come back as a new lead
        mvc.perform(postJson("/api/v1/leads/" + id + "/disqualify", "{\"reason\":\"BAD_TIMING\"}"))
                .andExpect(status().isOk());
        mvc.perform(postJson("/api/v1/leads", sameCompany)).andExpect(status().isCreated());
    }

    @Test
    void customersThatLookAlikeAreWarningsNotRefusals() throws Exception {
        CustomerServiceStub.SERVER.stubFor(WireMock.get(urlPathEqualTo(CustomerServiceStub.CUSTOMERS))
                .atPriority(1).willReturn(okJson("""
                        {"content":[{"id":"cust-1","code":"C-ACME","name":"Acme","type":"DIRECT"}],
                         "page":{"number":0,"size":5,"totalElements":1,"totalPages":1}}""")));
        CustomerServiceStub.SERVER.stubFor(WireMock.get(urlPathEqualTo(CustomerServiceStub.LOOKUP))
                .atPriority(1).willReturn(okJson("""
                        [{"id":"cust-2","code":"C-OTHER","name":"Acme Holding","regionCode":"EAST"},
                         {"id":"cust-1","code":"C-ACME","name":"Acme"}]""")));
        JsonNode lead = capture(Callers.REP_EAST_1, leadBody("EAST", null));
        assertThat(lead.path("duplicateCheck").asString()).isEqualTo("CHECKED");
        assertThat(lead.path("possibleDuplicates")).hasSize(2);
        assertThat(lead.path("possibleDuplicates").path(0).path("customerId").asString()).isEqualTo("cust-1");
        assertThat(lead.path("possibleDuplicates").path(0).path("matchedOn").asString()).isEqualTo("NAME");
        assertThat(lead.path("possibleDuplicates").path(1).path("customerId").asString()).isEqualTo("cust-2");
        assertThat(lead.path("possibleDuplicates").path(1).path("matchedOn").asString()).isEqualTo("PHONE");
        // kept with the lead
        assertThat(lead(lead.path("id").asString()).path("possibleDuplicates")).hasSize(2);
    }

    @Test
    void aLeadIsNeverLostWhenCustomerServiceIsDown() throws Exception {
        CustomerServiceStub.SERVER.stubFor(WireMock.get(WireMock.anyUrl()).atPriority(1)
                .willReturn(CustomerServiceStub.problem(503, "SERVICE_UNAVAILABLE")));
        JsonNode lead = capture(Callers.REP_EAST_1, leadBody("EAST", null));
        assertThat(lead.path("duplicateCheck").asString()).isEqualTo("UNAVAILABLE");
        assertThat(lead.path("possibleDuplicates")).isEmpty();

        CustomerServiceStub.SERVER.stubFor(WireMock.get(WireMock.anyUrl()).atPriority(1)
                .willReturn(WireMock.aResponse().withFixedDelay(3500).withStatus(200)));
        assertThat(capture(Callers.REP_EAST_1, leadBody("EAST", null)).path("duplicateCheck").asString())
                .as("a customer-service slower than the read timeout").isEqualTo("UNAVAILABLE");

        customerGateway.circuitBreaker().transitionToForcedOpenState();
        int before = CustomerServiceStub.SERVER.getAllServeEvents().size();
        assertThat(capture(Callers.REP_EAST_1, leadBody("EAST", null)).path("duplicateCheck").asString())
                .isEqualTo("UNAVAILABLE");
        assertThat(CustomerServiceStub.SERVER.getAllServeEvents()).as("an open circuit asks nobody").hasSize(before);
    }

    @Test
    void aClientWithoutCustomerReadStillCapturesWithTheCheckNotPermitted() throws Exception {
        CustomerServiceStub.SERVER.stubFor(WireMock.get(WireMock.anyUrl()).atPriority(1)
                .willReturn(CustomerServiceStub.problem(403, "ACCESS_DENIED")));
        JsonNode lead = capture(Callers.client("web-shop-" + run, Callers.EAST, "leads:write"),
                leadBody("EAST", null));
        assertThat(lead.path("duplicateCheck").asString()).isEqualTo("NOT_PERMITTED");
    }

    @Test
    void worksALeadThroughItsLifeCycle() throws Exception {
        JsonNode lead = capture(Callers.REP_EAST_1, leadBody("EAST", null));
        String id = lead.path("id").asString();
        mvc.perform(post("/api/v1/leads/" + id + "/qualify").with(Callers.REP_EAST_1.asCaller())
                        .header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/leads/" + id + "/start").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WORKING"));
        mvc.perform(post("/api/v1/leads/" + id + "/start").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(post("/api/v1/leads/" + id + "/qualify").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("QUALIFIED"))
                .andExpect(jsonPath("$.qualifiedAt").exists());
        ConsumerRecord<String, String> record = EventProbe.await(Topics.LEADS,
                r -> id.equals(r.key()) && r.value().contains("qualifiedBy"), EVENT_WAIT);
        LeadQualified qualified = EventProbe.payload(record, LeadQualified.class);
        assertThat(qualified.qualifiedBy()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(qualified.band()).isIn("HOT", "WARM", "COLD");

        mvc.perform(postJson("/api/v1/leads/" + id + "/disqualify", "{\"reason\":\"OTHER\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DISQUALIFY_NOTE_REQUIRED"));
        mvc.perform(postJson("/api/v1/leads/" + id + "/disqualify", "{\"reason\":\"NOPE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson("/api/v1/leads/" + id + "/disqualify",
                        "{\"reason\":\"LOST_TO_COMPETITOR\",\"note\":\"Went with a local supplier\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISQUALIFIED"))
                .andExpect(jsonPath("$.disqualifyReason").value("LOST_TO_COMPETITOR"))
                .andExpect(jsonPath("$.disqualifyNote").value("Went with a local supplier"));
        mvc.perform(postJson("/api/v1/leads/" + id + "/disqualify", "{\"reason\":\"SPAM\"}"))
                .andExpect(status().isConflict());
        mvc.perform(patch("/api/v1/leads/" + id).header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"need\":\"more racks\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LEAD_CLOSED"));
    }

    @Test
    void changesDetailsUnderIfMatchAndRefusesServerOwnedFields() throws Exception {
        JsonNode lead = capture(Callers.REP_EAST_1, leadBody("EAST", null));
        String id = lead.path("id").asString();
        mvc.perform(patch("/api/v1/leads/" + id).with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"need\":\"shelving\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(patch("/api/v1/leads/" + id).with(Callers.REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":\"u-rep-east1-b\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        String etag = mvc.perform(patch("/api/v1/leads/" + id).with(Callers.REP_EAST_1.asCaller())
                        .header("If-Match", "\"" + lead.path("version").asLong() + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"need\":\"shelving\",\"contactTitle\":\"\",\"expectedPurchaseDate\":\"2030-01-31\"}"))
                .andExpect(status().isOk()).andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.need").value("shelving"))
                .andExpect(jsonPath("$.contact.title").doesNotExist())
                .andExpect(jsonPath("$.expectedPurchaseDate").value("2030-01-31"))
                .andExpect(jsonPath("$.timelineMonths").doesNotExist())
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(patch("/api/v1/leads/" + id).with(Callers.REP_EAST_1.asCaller())
                        .header("If-Match", "\"" + lead.path("version").asLong() + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"need\":\"again\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(patch("/api/v1/leads/" + id).with(Callers.REP_EAST_1.asCaller()).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expectedPurchaseDate\":\"2030-01-31\","
                                + "\"timelineMonths\":2}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void listsLeadsInScopeFilteredAndSortedByScore() throws Exception {
        String campaign = "C-" + run;
        JsonNode a = capture(Callers.REP_EAST_1, leadBody("EAST", null));
        JsonNode b = capture(Callers.REP_EAST_1_B, leadBody("EAST", null));
        mvc.perform(get("/api/v1/leads").with(Callers.REP_EAST_1.asCaller()).param("campaign", campaign))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.contains(a.path("id").asString())));
        mvc.perform(get("/api/v1/leads").with(Callers.MANAGER_EAST_1.asCaller()).param("campaign", campaign)
                        .param("sort", "score,desc").param("band", a.path("band").asString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/leads").param("campaign", campaign).param("owner", Callers.REP_EAST_1_B.id())
                        .param("q", b.path("company").asString().substring(8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.contains(b.path("id").asString())));
        mvc.perform(get("/api/v1/leads").param("sort", "ownerId")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/leads/" + a.path("id").asString()).with(Callers.REP_EAST_1_B.asCaller()))
                .andExpect(status().isNotFound());
    }
}
