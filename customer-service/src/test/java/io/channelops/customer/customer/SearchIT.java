package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Segmenting the archive: the search filters, and phone lookup for a phone system's screen pop. */
@ServiceIntegrationTest
class SearchIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    CustomerMother customers;

    @BeforeEach
    void setUp() {
        customers = new CustomerMother(mvc, json);
    }

    /** Names of the customers with the marker in their name that {@code caller} finds with these parameters. */
    private List<String> found(Caller caller, String marker, String... parameters) throws Exception {
        var request = get("/api/v1/customers").param("q", marker).param("size", "200").with(caller.asCaller());
        boolean sorted = false;
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
            sorted |= parameters[i].equals("sort");
        }
        if (!sorted) {
            request.param("sort", "name");
        }
        JsonNode page = customers.read(mvc.perform(request).andExpect(status().isOk()));
        List<String> names = new ArrayList<>();
        page.get("content").forEach(c -> names.add(c.get("name").asString().substring(marker.length() + 1)));
        return names;
    }

    @Test
    void filtersByEveryClassificationTagsAttributesOwnerOrgAndParent() throws Exception {
        String key = "seg_" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/customer-attributes").with(Callers.ADMIN.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content("{\"key\":\"" + key + "\",\"label\":\"Channel\","
                        + "\"type\":\"CHOICE\",\"options\":[\"online\",\"store\"]}")).andExpect(status().isCreated());
        String m = CustomerMother.unique("Seg");
        String a = customers.createId(REP_EAST_1, CustomerMother.fields("name", m + " A", "type", "DISTRIBUTOR",
                "level", "KEY",
                "grade", "A", "status", "ACTIVE", "industry", "FMCG", "companySize", "500+", "regionCode", "NORTH",
                "routeCode", "r-1", "routeStop", 2, "tags", List.of("VIP", "wholesale"),
                "attributes", Map.of(key, "online")));
        customers.create(REP_EAST_1, Map.of("name", m + " B", "type", "DEALER", "level", "MINOR", "grade", "B",
                "industry", "Retail", "routeCode", "R-1", "routeStop", 1, "tags", List.of("vip"), "parentId", a,
                "attributes", Map.of(key, "store")));
        customers.create(REP_EAST_2, Map.of("name", m + " C", "type", "RETAIL", "status", "LOST",
                "tags", List.of("wholesale")));
        customers.create(REP_WEST_1, Map.of("name", m + " D", "type", "RETAIL"));

        assertThat(found(MANAGER_EAST, m)).containsExactly("A", "B", "C");
        assertThat(found(MANAGER_EAST, m, "type", "DISTRIBUTOR")).containsExactly("A");
        assertThat(found(MANAGER_EAST, m, "type", "DEALER", "type", "RETAIL")).containsExactly("B", "C");
        assertThat(found(MANAGER_EAST, m, "level", "MINOR")).containsExactly("B");
        assertThat(found(MANAGER_EAST, m, "level", "NORMAL")).containsExactly("C");
        assertThat(found(MANAGER_EAST, m, "status", "PROSPECT")).containsExactly("B");
        assertThat(found(MANAGER_EAST, m, "status", "ACTIVE,LOST")).containsExactly("A", "C");
        assertThat(found(MANAGER_EAST, m, "grade", "A")).containsExactly("A");
        assertThat(found(MANAGER_EAST, m, "industry", "Retail")).containsExactly("B");
        assertThat(found(MANAGER_EAST, m, "companySize", "500+")).containsExactly("A");
        assertThat(found(MANAGER_EAST, m, "regionCode", "north")).containsExactly("A");
        assertThat(found(MANAGER_EAST, m, "routeCode", "R-1", "sort", "routeStop")).containsExactly("B", "A");
        assertThat(found(MANAGER_EAST, m, "tags", "vip")).containsExactly("A", "B");
        assertThat(found(MANAGER_EAST, m, "tags", "vip,wholesale")).containsExactly("A", "B", "C");
        assertThat(found(MANAGER_EAST, m, "tags", "VIP", "tags", "wholesale", "tagMatch", "all"))
                .containsExactly("A");
        assertThat(found(MANAGER_EAST, m, "attr." + key, "online")).containsExactly("A");
        assertThat(found(MANAGER_EAST, m, "attr." + key, "store", "tags", "vip")).containsExactly("B");
        assertThat(found(MANAGER_EAST, m, "ownerId", REP_EAST_2.id())).containsExactly("C");
        assertThat(found(MANAGER_EAST, m, "orgPath", Callers.EAST_1)).containsExactly("A", "B");
        assertThat(found(MANAGER_EAST, m, "orgPath", Callers.EAST)).containsExactly("A", "B", "C");
        assertThat(found(MANAGER_EAST_1, m, "orgPath", Callers.EAST)).as("within the caller's scope only")
                .containsExactly("A", "B");
        assertThat(found(MANAGER_EAST, m, "orgPath", Callers.WEST)).isEmpty();
        assertThat(found(MANAGER_EAST, m, "parentId", a)).containsExactly("B");
        assertThat(found(Callers.DIRECTOR, m, "type", "RETAIL")).containsExactly("C", "D");
        assertThat(found(REP_EAST_1, m, "sort", "name,desc")).containsExactly("B", "A");
    }

    @Test
    void freeTextFindsPhoneNumbersWrittenAnyWay() throws Exception {
        String phone = CustomerMother.phone();
        String m = CustomerMother.unique("Txt");
        String id = customers.createId(REP_EAST_1, Map.of("name", m + " Phone", "phones",
                List.of(Map.of("number", phone))));
        String national = phone.replaceAll("[^0-9]", "").substring(2);
        for (String q : List.of(national, national.substring(0, 3) + " " + national.substring(3), "0086" + national,
                national.substring(3))) {
            mvc.perform(get("/api/v1/customers").param("q", q).with(REP_EAST_1.asCaller()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].id").value(id));
        }
    }

    @Test
    void badFilterValuesAre400Problems() throws Exception {
        mvc.perform(get("/api/v1/customers").param("level", "HUGE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/customers").param("lastActivityAfter", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/customers").param("attr.no_such_attribute", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/customers").param("tagMatch", "some")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/customers").param("hasOverdueBalance", "maybe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/customers").param("sort", "taxId")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_SORT"));
    }

    @Test
    void phoneLookupFindsTheCustomersInScopeWithTheNumberInAnyForm() throws Exception {
        String phone = CustomerMother.phone();
        String national = phone.replaceAll("[^0-9]", "").substring(2);
        JsonNode customer = customers.create(REP_EAST_1, Map.of("level", "KEY", "status", "ACTIVE",
                "phones", List.of(Map.of("number", CustomerMother.phone()),
                        Map.of("number", phone, "label", "buyer"))));
        for (String written : List.of(phone, "0086 " + national, national, "+86 (" + national.substring(0, 3) + ") "
                + national.substring(3, 7) + "-" + national.substring(7), "+86" + national)) {
            mvc.perform(get("/api/v1/customers/lookup").param("phone", written).with(REP_EAST_1.asCaller()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.phone").value("86" + national))
                    .andExpect(jsonPath("$.content.length()").value(1))
                    .andExpect(jsonPath("$.content[0].id").value(customer.get("id").asString()))
                    .andExpect(jsonPath("$.content[0].code").value(customer.get("code").asString()))
                    .andExpect(jsonPath("$.content[0].name").value(customer.get("name").asString()))
                    .andExpect(jsonPath("$.content[0].ownerId").value(REP_EAST_1.id()))
                    .andExpect(jsonPath("$.content[0].status").value("ACTIVE"))
                    .andExpect(jsonPath("$.content[0].level").value("KEY"))
                    .andExpect(jsonPath("$.content[0].matchedPhone").value(phone));
        }
        mvc.perform(get("/api/v1/customers/lookup").param("phone", phone).with(REP_WEST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.length()").value(0));
        mvc.perform(get("/api/v1/customers/lookup").param("phone", "call me")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/customers/lookup")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MISSING_PARAMETER"));
    }
}
