package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.customer.CustomerChanged;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The customer's full profile: what a client sets, what it reads back, what it cannot set, and CustomerChanged. */
@ServiceIntegrationTest
class CustomerProfileIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    CustomerMother customers;

    @BeforeEach
    void setUp() {
        customers = new CustomerMother(mvc, json);
    }

    @Test
    void everyFieldSetOnRegistrationIsReadBackNormalized() throws Exception {
        String phone = CustomerMother.phone();
        String taxId = CustomerMother.taxId();
        String id = customers.createId(REP_EAST_1, CustomerMother.fields("name", " Full Profile Co ",
                "legalName", "Full Profile Co., Ltd.", "taxId", taxId, "type", "DISTRIBUTOR", "level", "KEY",
                "grade", "A", "status", "ACTIVE", "industry", "FMCG", "companySize", "200-500", "regionCode", "east",
                "routeCode", "sh-01", "routeStop", 3, "city", "Shanghai", "email", "buy@full.example",
                "website", "https://full.example", "establishedDate", "2009-05-01",
                "phones", List.of(Map.of("number", phone, "label", "office")),
                "addresses", List.of(Map.of("kind", "SHIPPING", "line1", "88 Century Avenue", "city", "Shanghai",
                        "postalCode", "200120", "countryCode", "cn", "default", true)),
                "tags", List.of(" Wholesale ", "VIP")));
        mvc.perform(get("/api/v1/customers/" + id).with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("Full Profile Co"))
                .andExpect(jsonPath("$.legalName").value("Full Profile Co., Ltd."))
                .andExpect(jsonPath("$.taxId").value(taxId))
                .andExpect(jsonPath("$.type").value("DISTRIBUTOR"))
                .andExpect(jsonPath("$.level").value("KEY"))
                .andExpect(jsonPath("$.grade").value("A"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.industry").value("FMCG"))
                .andExpect(jsonPath("$.companySize").value("200-500"))
                .andExpect(jsonPath("$.regionCode").value("EAST"))
                .andExpect(jsonPath("$.routeCode").value("SH-01"))
                .andExpect(jsonPath("$.routeStop").value(3))
                .andExpect(jsonPath("$.city").value("Shanghai"))
                .andExpect(jsonPath("$.email").value("buy@full.example"))
                .andExpect(jsonPath("$.website").value("https://full.example"))
                .andExpect(jsonPath("$.establishedDate").value("2009-05-01"))
                .andExpect(jsonPath("$.phones[0].number").value(phone))
                .andExpect(jsonPath("$.phones[0].label").value("office"))
                .andExpect(jsonPath("$.phones[0].normalized").value(phone.replaceAll("[^0-9]", "")))
                .andExpect(jsonPath("$.addresses[0].kind").value("SHIPPING"))
                .andExpect(jsonPath("$.addresses[0].countryCode").value("CN"))
                .andExpect(jsonPath("$.addresses[0].default").value(true))
                .andExpect(jsonPath("$.tags[0]").value("vip"))
                .andExpect(jsonPath("$.tags[1]").value("wholesale"))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id()));
    }

    @Test
    void aChangeRaisesCustomerChangedNamingTheChangedFieldsAndNoChangeChangesNothing() throws Exception {
        String id = customers.createId(REP_EAST_1, Map.of("tags", List.of("new")));
        customers.change(REP_EAST_1, id, Map.of("status", "DORMANT", "level", "MINOR", "tags", List.of("new"),
                        "grade", "C"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        var record = EventProbe.await(Topics.CUSTOMERS, r -> id.equals(r.key())
                && "io.channelops.customer.CustomerChanged".equals(EventProbe.header(r, "ce_type")),
                Duration.ofSeconds(30));
        CustomerChanged changed = EventProbe.payload(record, CustomerChanged.class);
        assertThat(changed.changedFields()).containsExactly("level", "grade", "status");
        assertThat(changed.status()).isEqualTo("DORMANT");
        assertThat(changed.level()).isEqualTo("MINOR");
        assertThat(changed.ownerId()).isEqualTo(REP_EAST_1.id());
        assertThat(EventProbe.header(record, "ce_aggregateversion")).isEqualTo("2");

        customers.change(REP_EAST_1, id, Map.of("status", "DORMANT", "tags", List.of("NEW")))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        // a field removed by an empty value
        customers.change(REP_EAST_1, id, Map.of("grade", "")).andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").doesNotExist());
    }

    @Test
    void serverOwnedFieldsAndBadValuesAreRefusedWithProblems() throws Exception {
        String id = customers.createId(REP_EAST_1, Map.of());
        for (String field : List.of("code", "lastActivityAt", "lastOrderAt", "ownerId", "orgPath", "createdAt")) {
            customers.change(REP_EAST_1, id, Map.of(field, "2026-01-01T00:00:00Z"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }
        customers.register(REP_EAST_1, Map.of("lastActivityAt", "2026-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        customers.change(REP_EAST_1, id, Map.of("level", "HUGE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE")).andExpect(jsonPath("$.errors[0].field")
                        .value("level"));
        customers.change(REP_EAST_1, id, Map.of("status", "GONE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        customers.register(REP_EAST_1, Map.of("phones", List.of(Map.of("number", "call me"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("phones[0].number"));
        customers.register(REP_EAST_1, Map.of("phones", List.of(Map.of("number", "+1234567890123456789"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("phones[0].number"));
        customers.register(REP_EAST_1, Map.of("addresses", List.of(
                        Map.of("kind", "BILLING", "line1", "a", "default", true),
                        Map.of("kind", "BILLING", "line1", "b", "default", true))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("addresses"));
        customers.change(REP_EAST_1, id, Map.of("establishedDate", "2024-02-30")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("establishedDate"));
        customers.change(REP_EAST_1, id, Map.of("routeStop", 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        assertThat(customers.get(REP_EAST_1, id).get("version").asLong()).isZero();
    }

    @Test
    void theApiDocumentDescribesEveryArchiveEndpointWithExamples() throws Exception {
        JsonNode docs = customers.read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
        JsonNode paths = docs.get("paths");
        for (String path : List.of("/api/v1/customers/{id}/tree", "/api/v1/customers/{id}/history",
                "/api/v1/customers/{id}/merge", "/api/v1/customers/lookup", "/api/v1/customers/export",
                "/api/v1/customer-attributes", "/api/v1/customer-attributes/{key}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(docs.toString()).contains("DUPLICATE_CUSTOMER", "mergedCustomerId", "matchedPhone",
                "changeType", "rollup");
    }
}
