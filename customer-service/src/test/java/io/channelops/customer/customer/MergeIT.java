package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/customers/{survivorId}/merge}: one customer takes in a duplicate, which disappears. */
@ServiceIntegrationTest
class MergeIT {

    /** What an in-process listener of another feature saw: the event, and whether the merged row still existed. */
    record Seen(CustomersMerged event, boolean mergedRowExisted, boolean survivorRowExisted) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    static boolean listening;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    CustomerMother customers;

    @BeforeEach
    void setUp() {
        customers = new CustomerMother(mvc, json);
        synchronized (MergeIT.class) {
            if (!listening) {
                // stands for the contacts/activities/tasks/cases features: they move their rows on this event
                context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof PayloadApplicationEvent<?> payload
                            && payload.getPayload() instanceof CustomersMerged merged) {
                        SEEN.add(new Seen(merged, exists(merged.mergedCustomerId()),
                                exists(merged.survivingCustomerId())));
                    }
                });
                listening = true;
            }
        }
    }

    private boolean exists(String id) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE id = ?", Long.class, id);
        return count != null && count == 1;
    }

    private ResultActions merge(Caller caller, String survivorId, String mergedId, String ifMatch) throws Exception {
        return mvc.perform(post("/api/v1/customers/" + survivorId + "/merge").with(caller.asCaller())
                .header("If-Match", ifMatch).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("mergedCustomerId", mergedId,
                        "reason", "Registered twice"))));
    }

    private String parentOf(String id) {
        return jdbc.queryForObject("SELECT parent_id FROM customers WHERE id = ?", String.class, id);
    }

    @Test
    void theSurvivorKeepsItsFieldsFillsTheEmptyOnesUnitesListsAndAdoptsTheChildren() throws Exception {
        String survivorPhone = CustomerMother.phone();
        String mergedPhone = CustomerMother.phone();
        String survivor = customers.createId(REP_EAST_1, Map.of("name", CustomerMother.unique("Survivor "),
                "level", "KEY", "phones", List.of(Map.of("number", survivorPhone, "label", "office")),
                "tags", List.of("wholesale"), "addresses", List.of(Map.of("kind", "BILLING", "line1", "1 Main St",
                        "default", true))));
        String taxId = CustomerMother.taxId();
        JsonNode duplicate = customers.create(REP_EAST_1, Map.of("name", CustomerMother.unique("Duplicate "),
                "legalName", "Duplicate Trading Co., Ltd.", "taxId", taxId, "email", "buy@dup.example",
                "level", "MINOR", "phones", List.of(Map.of("number", mergedPhone)), "tags", List.of("vip",
                        "wholesale"), "addresses", List.of(Map.of("kind", "BILLING", "line1", "9 Side St",
                        "default", true), Map.of("kind", "SHIPPING", "line1", "2 Dock Rd", "default", true))));
        String merged = duplicate.get("id").asString();
        String child1 = customers.createId(REP_EAST_1, Map.of("type", "RETAIL", "parentId", merged));
        String child2 = customers.createId(REP_EAST_1, Map.of("type", "RETAIL", "parentId", merged));

        JsonNode result = customers.read(merge(MANAGER_EAST_1, survivor, merged, "\"0\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(survivor))
                .andExpect(jsonPath("$.level").value("KEY"))
                .andExpect(jsonPath("$.legalName").value("Duplicate Trading Co., Ltd."))
                .andExpect(jsonPath("$.taxId").value(taxId))
                .andExpect(jsonPath("$.email").value("buy@dup.example"))
                .andExpect(jsonPath("$.tags").value(org.hamcrest.Matchers.contains("vip", "wholesale")))
                .andExpect(jsonPath("$.phones[0].number").value(survivorPhone))
                .andExpect(jsonPath("$.phones[1].number").value(mergedPhone))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id())));
        assertThat(result.get("addresses")).hasSize(3);
        assertThat(result.get("addresses").get(0).get("line1").asString()).isEqualTo("1 Main St");
        assertThat(result.get("addresses").get(0).get("default").asBoolean()).isTrue();
        assertThat(result.get("addresses").get(1).get("line1").asString()).isEqualTo("9 Side St");
        assertThat(result.get("addresses").get(1).get("default").asBoolean()).as("the survivor's default wins")
                .isFalse();
        assertThat(result.get("addresses").get(2).get("default").asBoolean()).isTrue();

        assertThat(parentOf(child1)).isEqualTo(survivor);
        assertThat(parentOf(child2)).isEqualTo(survivor);
        assertThat(exists(merged)).isFalse();

        // the merged id points to the survivor for whoever may see it, and is simply unknown to others
        mvc.perform(get("/api/v1/customers/" + merged).with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CUSTOMER_MERGED"))
                .andExpect(jsonPath("$.mergedInto").value(survivor));
        mvc.perform(get("/api/v1/customers/" + merged).with(REP_WEST_1.asCaller()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.mergedInto").doesNotExist());
        // its phone and tax id now find the survivor
        customers.register(REP_EAST_1, Map.of("taxId", taxId)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicate.id").value(survivor));

        // listeners of other features ran while the merged row still existed, in the merge's transaction
        Seen seen = SEEN.stream().filter(s -> s.event().mergedCustomerId().equals(merged)).findFirst().orElseThrow();
        assertThat(seen.mergedRowExisted()).isTrue();
        assertThat(seen.survivorRowExisted()).isTrue();
        assertThat(seen.event().survivingCustomerId()).isEqualTo(survivor);
        assertThat(seen.event().mergedCode()).isEqualTo(duplicate.get("code").asString());
        assertThat(seen.event().mergedBy()).isEqualTo(MANAGER_EAST_1.id());

        var published = EventProbe.await(Topics.CUSTOMERS, r -> survivor.equals(r.key())
                && "io.channelops.customer.CustomersMerged".equals(EventProbe.header(r, "ce_type")),
                Duration.ofSeconds(30));
        CustomersMerged event = EventProbe.payload(published, CustomersMerged.class);
        assertThat(event.mergedCustomerId()).isEqualTo(merged);
        assertThat(event.ownerId()).isEqualTo(REP_EAST_1.id());
        assertThat(jdbc.queryForMap("SELECT surviving_customer_id, merged_by, reason FROM customer_merges "
                + "WHERE merged_customer_id = ?", merged)).containsEntry("surviving_customer_id", survivor)
                .containsEntry("merged_by", MANAGER_EAST_1.id()).containsEntry("reason", "Registered twice");
    }

    @Test
    void aSurvivorThatWasAChildOfTheMergedCustomerTakesItsPlaceInTheTree() throws Exception {
        String top = customers.createId(REP_EAST_1, Map.of("type", "DISTRIBUTOR"));
        String merged = customers.createId(REP_EAST_1, Map.of("parentId", top));
        String survivor = customers.createId(REP_EAST_1, Map.of("parentId", merged));
        String sibling = customers.createId(REP_EAST_1, Map.of("type", "RETAIL", "parentId", merged));
        merge(MANAGER_EAST_1, survivor, merged, "\"0\"").andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(top));
        assertThat(parentOf(sibling)).isEqualTo(survivor);
    }

    @Test
    void aSurvivorDeeperBelowTheMergedCustomerIsRefusedAsACycle() throws Exception {
        String merged = customers.createId(REP_EAST_1, Map.of("type", "DISTRIBUTOR"));
        String middle = customers.createId(REP_EAST_1, Map.of("parentId", merged));
        String survivor = customers.createId(REP_EAST_1, Map.of("type", "RETAIL", "parentId", middle));
        merge(MANAGER_EAST_1, survivor, merged, "\"0\"").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CUSTOMER_TREE_CYCLE"));
        assertThat(exists(merged)).isTrue();
    }

    @Test
    void bothCustomersMustBeVisibleAndTheCallerMayAssign() throws Exception {
        String survivor = customers.createId(REP_EAST_1, Map.of());
        String merged = customers.createId(REP_EAST_1, Map.of());
        String west = customers.createId(REP_WEST_1, Map.of());
        merge(REP_EAST_1, survivor, merged, "\"0\"").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        merge(MANAGER_WEST, survivor, west, "\"0\"").andExpect(status().isNotFound());
        merge(MANAGER_EAST_1, survivor, west, "\"0\"").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_MERGED_CUSTOMER"))
                .andExpect(jsonPath("$.errors[0].field").value("mergedCustomerId"));
        merge(MANAGER_EAST_1, survivor, survivor, "\"0\"").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("MERGE_SAME_CUSTOMER"));
        merge(MANAGER_EAST_1, survivor, merged, "\"3\"").andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        assertThat(exists(merged)).isTrue();
        assertThat(exists(west)).isTrue();
    }
}
