package io.channelops.customer.contact;

import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_EAST_2;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.EngagementFixtures;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.IllegalTransactionStateException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/customers/{customerId}/contacts}: the people at a customer and its one primary contact. */
@ServiceIntegrationTest
class ContactApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    EngagementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EngagementFixtures(mvc, json);
    }

    private static String path(String customerId) {
        return "/api/v1/customers/" + customerId + "/contacts";
    }

    private static String path(String customerId, String contactId) {
        return path(customerId) + "/" + contactId;
    }

    private List<String> primaries(String customerId) {
        return jdbc.queryForList("SELECT id FROM contacts WHERE customer_id = ? AND is_primary", String.class,
                customerId);
    }

    private ResultActions makePrimary(Caller caller, String customerId, String contactId) throws Exception {
        return mvc.perform(post(path(customerId, contactId) + "/make-primary").with(caller.asCaller()));
    }

    @Test
    void addsReadsListsChangesAndDeletesTheContactsOfACustomer() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        MvcResult added = mvc.perform(post(path(customer)).with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":" Li Wei ","title":"Purchasing Manager","department":"Procurement",
                                 "role":"PURCHASING","phones":[{"number":"+86 138 0013 8000","label":"mobile"},
                                 {"number":"(021) 5555-0100"}],"email":"li.wei@acme.example","birthday":"1985-04-12",
                                 "preferredChannel":"WECHAT","notes":"Prefers calls\\nafter 14:00"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.name").value("Li Wei"))
                .andExpect(jsonPath("$.role").value("PURCHASING"))
                .andExpect(jsonPath("$.phones[0].number").value("+86 138 0013 8000"))
                .andExpect(jsonPath("$.phones[0].label").value("mobile"))
                .andExpect(jsonPath("$.phones[1].number").value("(021) 5555-0100"))
                .andExpect(jsonPath("$.phones[1].label").doesNotExist())
                .andExpect(jsonPath("$.birthday").value("1985-04-12"))
                .andExpect(jsonPath("$.preferredChannel").value("WECHAT"))
                .andExpect(jsonPath("$.notes").value("Prefers calls\nafter 14:00"))
                .andExpect(jsonPath("$.primary").value(false))
                .andExpect(jsonPath("$.createdBy").value(REP_EAST_1.id()))
                .andReturn();
        String id = json.readTree(added.getResponse().getContentAsString()).get("id").asString();
        assertThat(added.getResponse().getHeader("Location")).isEqualTo(path(customer, id));
        assertThat(jdbc.queryForList("SELECT normalized_number FROM contact_phones WHERE contact_id = ? "
                + "ORDER BY position", String.class, id)).containsExactly("+8613800138000", "02155550100");

        mvc.perform(get(path(customer, id)).with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.title").value("Purchasing Manager"));

        String primary = fixtures.contact(REP_EAST_1, customer, "{\"name\":\"Zhang Min\",\"primary\":true}")
                .get("id").asString();
        fixtures.contactNamed(REP_EAST_1, customer, "An Qi");
        mvc.perform(get(path(customer)).with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].id").value(primary))
                .andExpect(jsonPath("$.content[1].name").value("An Qi"))
                .andExpect(jsonPath("$.content[2].name").value("Li Wei"));
        mvc.perform(get(path(customer)).param("sort", "name,desc").param("size", "1").with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[0].name").value("Zhang Min"))
                .andExpect(jsonPath("$.page.totalPages").value(3));

        mvc.perform(patch(path(customer, id)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"Head of Procurement","phones":[{"number":"+86 139 0000 1111"}],
                                 "clear":["birthday","notes"]}"""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.title").value("Head of Procurement"))
                .andExpect(jsonPath("$.department").value("Procurement"))
                .andExpect(jsonPath("$.phones.length()").value(1))
                .andExpect(jsonPath("$.phones[0].number").value("+86 139 0000 1111"))
                .andExpect(jsonPath("$.birthday").doesNotExist())
                .andExpect(jsonPath("$.notes").doesNotExist())
                .andExpect(jsonPath("$.email").value("li.wei@acme.example"));

        mvc.perform(delete(path(customer, id)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\""))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(delete(path(customer, id)).with(REP_EAST_1.asCaller())).andExpect(status().isNoContent());
        mvc.perform(get(path(customer, id)).with(REP_EAST_1.asCaller())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_phones WHERE contact_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void aCustomerHasAtMostOnePrimaryContactAndANewPrimaryTakesOverFromTheOld() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String first = fixtures.contact(REP_EAST_1, customer, "{\"name\":\"First\",\"primary\":true}")
                .get("id").asString();
        assertThat(primaries(customer)).containsExactly(first);

        String second = fixtures.contact(REP_EAST_1, customer, "{\"name\":\"Second\",\"primary\":true}")
                .get("id").asString();
        assertThat(primaries(customer)).containsExactly(second);
        mvc.perform(get(path(customer, first)).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.primary").value(false)).andExpect(header().string("ETag", "\"1\""));

        makePrimary(REP_EAST_1, customer, first).andExpect(status().isOk())
                .andExpect(jsonPath("$.primary").value(true)).andExpect(header().string("ETag", "\"2\""));
        assertThat(primaries(customer)).containsExactly(first);
        makePrimary(REP_EAST_1, customer, first).andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        assertThat(primaries(customer)).containsExactly(first);

        mvc.perform(post(path(customer, second) + "/make-primary").with(REP_EAST_1.asCaller())
                        .header("If-Match", "\"0\""))
                .andExpect(status().isPreconditionFailed());
        assertThat(primaries(customer)).containsExactly(first);

        String other = fixtures.customerOf(REP_EAST_1);
        String elsewhere = fixtures.contact(REP_EAST_1, other, "{\"name\":\"Elsewhere\",\"primary\":true}")
                .get("id").asString();
        assertThat(primaries(customer)).containsExactly(first);
        assertThat(primaries(other)).containsExactly(elsewhere);

        mvc.perform(delete(path(customer, first)).with(REP_EAST_1.asCaller())).andExpect(status().isNoContent());
        assertThat(primaries(customer)).isEmpty();
    }

    @Test
    void concurrentPrimaryChangesLeaveExactlyOnePrimaryContact() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(fixtures.contactNamed(REP_EAST_1, customer, "Racer " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String contact : contacts) {
                    calls.add(() -> makePrimary(REP_EAST_1, customer, contact).andReturn().getResponse().getStatus());
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).allMatch(s -> s == 200 || s == 409);
            assertThat(statuses).contains(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(primaries(customer)).hasSize(1);
    }

    @Test
    void theDatabaseRefusesASecondPrimaryContactWhateverWritesIt() {
        String customer = fixtures.customerOf(REP_EAST_1);
        fixtures.contact(REP_EAST_1, customer, "{\"name\":\"Primary\",\"primary\":true}");
        String ordinary = fixtures.contactNamed(REP_EAST_1, customer, "Ordinary");
        assertThatThrownBy(() -> jdbc.update("UPDATE contacts SET is_primary = TRUE WHERE id = ?", ordinary))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(primaries(customer)).hasSize(1);
    }

    @Test
    void everyChangeOfAContactIsKeptAsARevisionWithWhoAndWhat() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String contact = fixtures.contactNamed(REP_EAST_1, customer, "Historic");
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Buyer\"}"))
                .andExpect(status().isOk());
        mvc.perform(patch(path(customer, contact)).with(MANAGER_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Head of purchasing\"}"))
                .andExpect(status().isOk());

        mvc.perform(get(path(customer, contact) + "/history").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].changeType").value("CHANGED"))
                .andExpect(jsonPath("$.content[0].by").value(MANAGER_EAST_1.id()))
                .andExpect(jsonPath("$.content[0].changes.length()").value(1))
                .andExpect(jsonPath("$.content[0].changes[0].field").value("title"))
                .andExpect(jsonPath("$.content[0].changes[0].from").value("Buyer"))
                .andExpect(jsonPath("$.content[0].changes[0].to").value("Head of purchasing"))
                .andExpect(jsonPath("$.content[1].by").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.content[1].changes[0].field").value("title"))
                .andExpect(jsonPath("$.content[2].changeType").value("CREATED"));
        for (Caller outsider : List.of(REP_EAST_1_B, REP_WEST_1, MANAGER_EAST_2)) {
            mvc.perform(get(path(customer, contact) + "/history").with(outsider.asCaller()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void contactsAreVisibleExactlyWhenTheirCustomerIs() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String contact = fixtures.contactNamed(REP_EAST_1, customer, "Scoped");
        for (Caller outsider : List.of(REP_EAST_1_B, REP_WEST_1, MANAGER_EAST_2)) {
            mvc.perform(get(path(customer)).with(outsider.asCaller()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
            mvc.perform(get(path(customer, contact)).with(outsider.asCaller())).andExpect(status().isNotFound());
            mvc.perform(post(path(customer)).with(outsider.asCaller()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"Intruder\"}")).andExpect(status().isNotFound());
            mvc.perform(patch(path(customer, contact)).with(outsider.asCaller()).header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Renamed\"}"))
                    .andExpect(status().isNotFound());
            makePrimary(outsider, customer, contact).andExpect(status().isNotFound());
            mvc.perform(delete(path(customer, contact)).with(outsider.asCaller())).andExpect(status().isNotFound());
        }
        for (Caller insider : List.of(MANAGER_EAST_1, MANAGER_EAST)) {
            mvc.perform(get(path(customer, contact)).with(insider.asCaller())).andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("Scoped"));
        }
        // a contact is only found under its own customer, even by someone who sees both customers
        String otherCustomer = fixtures.customerOf(REP_EAST_1);
        mvc.perform(get(path(otherCustomer, contact)).with(REP_EAST_1.asCaller())).andExpect(status().isNotFound());
        makePrimary(REP_EAST_1, otherCustomer, contact).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contacts WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT CONCAT(name, is_primary, version) FROM contacts WHERE id = ?",
                String.class, contact)).isEqualTo("Scoped00");
    }

    @Test
    void invalidContactsAreProblemsAndWriteNothing() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        record Case(String body, String code, String field) {
        }
        List<Case> cases = List.of(
                new Case("{}", "VALIDATION_FAILED", "name"),
                new Case("{\"name\":\"  \"}", "VALIDATION_FAILED", "name"),
                new Case("{\"name\":\"" + "x".repeat(101) + "\"}", "VALIDATION_FAILED", "name"),
                new Case("{\"name\":\"A\",\"role\":\"BOSS\"}", "INVALID_VALUE", "role"),
                new Case("{\"name\":\"A\",\"preferredChannel\":\"FAX\"}", "INVALID_VALUE", "preferredChannel"),
                new Case("{\"name\":\"A\",\"phones\":[{\"number\":\"call me\"}]}", "VALIDATION_FAILED",
                        "phones[0].number"),
                new Case("{\"name\":\"A\",\"phones\":[{\"number\":\"12\"}]}", "VALIDATION_FAILED",
                        "phones[0].number"),
                new Case("{\"name\":\"A\",\"phones\":[" + "{\"number\":\"123\"},".repeat(10)
                        + "{\"number\":\"123\"}]}", "VALIDATION_FAILED", "phones"),
                new Case("{\"name\":\"A\",\"email\":\"not-an-email\"}", "VALIDATION_FAILED", "email"),
                new Case("{\"name\":\"A\",\"birthday\":\"2999-01-01\"}", "VALIDATION_FAILED", "birthday"),
                new Case("{\"name\":\"A\",\"birthday\":\"1985-13-01\"}", "INVALID_VALUE", "birthday"),
                new Case("{\"name\":\"A\",\"customerId\":\"x\"}", "UNKNOWN_FIELD", "customerId"),
                new Case("{\"name\":\"A\",\"createdBy\":\"someone\"}", "UNKNOWN_FIELD", "createdBy"));
        for (Case c : cases) {
            mvc.perform(post(path(customer)).with(REP_EAST_1.asCaller()).contentType(MediaType.APPLICATION_JSON)
                            .content(c.body()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value(c.code()))
                    .andExpect(jsonPath("$.errors[0].field").value(c.field()));
        }
        mvc.perform(post(path(customer)).with(REP_EAST_1.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"A\",\"birthday\":\"1850-01-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("BIRTHDAY_OUT_OF_RANGE"))
                .andExpect(jsonPath("$.detail").value("The birthday 1850-01-01 lies before 1900-01-01"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contacts WHERE customer_id = ?", Long.class, customer))
                .isZero();

        String contact = fixtures.contactNamed(REP_EAST_1, customer, "Valid");
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"No ETag\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("PRECONDITION_REQUIRED"));
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller()).header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Stale\"}"))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Both\",\"clear\":[\"title\",\"notes\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FIELD_SET_AND_CLEARED"))
                .andExpect(jsonPath("$.detail").value("These fields are both given and listed in clear: title"));
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"clear\":[\"name\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"primary\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(get(path(customer)).param("sort", "birthday").with(REP_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        JsonNode unchanged = json.readTree(mvc.perform(get(path(customer, contact)).with(REP_EAST_1.asCaller()))
                .andExpect(header().string("ETag", "\"0\"")).andReturn().getResponse().getContentAsString());
        assertThat(unchanged.get("name").asString()).isEqualTo("Valid");
        assertThat(unchanged.has("title")).isFalse();
    }

    @Autowired
    ContactMerges merges;

    @Test
    void theMergeListenerMovesNothingOutsideTheMergesTransaction() {
        String survivor = fixtures.customerOf(REP_EAST_1);
        String merged = fixtures.customerOf(REP_EAST_1);
        String contact = fixtures.contactNamed(REP_EAST_1, merged, "Stays");
        assertThatThrownBy(() -> merges.on(new CustomersMerged(survivor, merged, "DUP", REP_EAST_1.id(),
                Instant.now(), REP_EAST_1.id(), "/hq/east/team-1")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT customer_id FROM contacts WHERE id = ?", String.class, contact))
                .isEqualTo(merged);
    }

    @Test
    void aChangeThatChangesNothingKeepsTheVersion() throws Exception {
        String customer = fixtures.customerOf(REP_EAST_1);
        String contact = fixtures.contact(REP_EAST_1, customer, "{\"name\":\"Same\",\"title\":\"Buyer\"}")
                .get("id").asString();
        mvc.perform(patch(path(customer, contact)).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Buyer\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
    }
}
