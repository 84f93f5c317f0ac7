package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Duplicate detection on registration and change: same tax id, same normalized phone, same name in the same city. */
@ServiceIntegrationTest
class DuplicatesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustomerService service;

    CustomerMother customers;

    @BeforeEach
    void setUp() {
        customers = new CustomerMother(mvc, json);
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void refusesASecondCustomerWithTheSameTaxIdWrittenDifferentlyNamingTheFirst() throws Exception {
        String taxId = CustomerMother.taxId();
        var first = customers.create(REP_EAST_1, Map.of("taxId", taxId));
        long before = count();
        String spaced = taxId.substring(0, 6) + "-" + taxId.substring(6, 12).toLowerCase() + " " + taxId.substring(12);
        customers.register(REP_EAST_1, Map.of("taxId", spaced))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DUPLICATE_CUSTOMER"))
                .andExpect(jsonPath("$.duplicate.id").value(first.get("id").asString()))
                .andExpect(jsonPath("$.duplicate.code").value(first.get("code").asString()))
                .andExpect(jsonPath("$.duplicate.name").value(first.get("name").asString()))
                .andExpect(jsonPath("$.duplicate.rule").value("TAX_ID"))
                .andExpect(jsonPath("$.duplicate.visible").value(true))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesTheSamePhoneNumberInAnyWrittenForm() throws Exception {
        String phone = CustomerMother.phone();
        String id = customers.createId(REP_EAST_1, Map.of("phones", List.of(Map.of("number", phone))));
        String digits = phone.replaceAll("[^0-9]", "");
        String national = digits.substring(2);
        for (String variant : List.of(phone, "00" + digits, national, national.substring(0, 3) + "-"
                + national.substring(3, 7) + "-" + national.substring(7), "+86-" + national)) {
            customers.register(REP_EAST_1, Map.of("phones", List.of(Map.of("number", CustomerMother.phone()),
                            Map.of("number", variant, "label", "mobile"))))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("DUPLICATE_CUSTOMER"))
                    .andExpect(jsonPath("$.duplicate.id").value(id))
                    .andExpect(jsonPath("$.duplicate.rule").value("PHONE"));
        }
    }

    @Test
    void refusesTheSameNameInTheSameCityIgnoringCaseAndSpacesButNotInAnotherCity() throws Exception {
        String name = CustomerMother.unique("Golden Dragon Trading ");
        String id = customers.createId(REP_EAST_1, Map.of("name", name, "city", "Hangzhou"));
        customers.register(REP_EAST_1, Map.of("name", "  " + name.toUpperCase().replace(" ", "   ") + " ",
                        "city", "HANG zhou"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicate.id").value(id))
                .andExpect(jsonPath("$.duplicate.rule").value("NAME_AND_CITY"));
        customers.register(REP_EAST_1, Map.of("name", name, "city", "Ningbo")).andExpect(status().isCreated());
        // without a city the name alone is no duplicate (branches of one company share their name)
        customers.register(REP_EAST_1, Map.of("name", name)).andExpect(status().isCreated());
    }

    @Test
    void aDuplicateOutsideTheCallersScopeIsNamedByIdAndCodeOnly() throws Exception {
        String taxId = CustomerMother.taxId();
        var west = customers.create(REP_WEST_1, Map.of("taxId", taxId, "name", CustomerMother.unique("Secret ")));
        customers.register(REP_EAST_1, Map.of("taxId", taxId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicate.id").value(west.get("id").asString()))
                .andExpect(jsonPath("$.duplicate.code").value(west.get("code").asString()))
                .andExpect(jsonPath("$.duplicate.rule").value("TAX_ID"))
                .andExpect(jsonPath("$.duplicate.visible").value(false))
                .andExpect(jsonPath("$.duplicate.name").doesNotExist())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Secret"))));
        customers.register(DIRECTOR, Map.of("taxId", taxId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicate.name").value(west.get("name").asString()));
    }

    @Test
    void aChangeThatWouldDuplicateAnotherCustomerIsRefusedAndChangesNothing() throws Exception {
        String phone = CustomerMother.phone();
        String first = customers.createId(REP_EAST_1, Map.of("phones", List.of(Map.of("number", phone))));
        String second = customers.createId(REP_EAST_1, Map.of());
        customers.change(REP_EAST_1, second, Map.of("phones", List.of(Map.of("number", phone))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicate.id").value(first))
                .andExpect(jsonPath("$.duplicate.rule").value("PHONE"));
        assertThat(customers.get(REP_EAST_1, second).get("version").asLong()).isZero();
        // a customer is no duplicate of itself
        customers.change(REP_EAST_1, first, Map.of("phones", List.of(Map.of("number", phone, "label", "main"))))
                .andExpect(status().isOk());
    }

    @Test
    void importsCanAskForADuplicateBeforeRegistering() throws Exception {
        String taxId = CustomerMother.taxId();
        String id = customers.createId(REP_EAST_1, Map.of("taxId", taxId));
        var registration = new CustomerService.Registration(null, "Imported", CustomerType.RETAIL, "EAST", null,
                null, taxId.toLowerCase(), null, null, null, null, null, null, null, null, null, null, List.of(),
                List.of(), java.util.Set.of(), Map.of(), null);
        assertThat(service.findDuplicate(registration)).hasValueSatisfying(match -> {
            assertThat(match.id()).isEqualTo(id);
            assertThat(match.rule()).isEqualTo(Duplicates.Rule.TAX_ID);
        });
    }
}
