package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The relationship tree: parents, refused cycles, the depth limit, and the subtree with its roll-up counts. */
@ServiceIntegrationTest
class TreeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    CustomerMother customers;

    @BeforeEach
    void setUp() {
        customers = new CustomerMother(mvc, json);
    }

    private String child(Caller caller, String parentId, String type) throws Exception {
        return customers.createId(caller, Map.of("type", type, "parentId", parentId));
    }

    private JsonNode tree(Caller caller, String id) throws Exception {
        return customers.read(mvc.perform(get("/api/v1/customers/" + id + "/tree").with(caller.asCaller()))
                .andExpect(status().isOk()));
    }

    private void assertCycleRefused(String id, String parentId) throws Exception {
        long version = customers.get(REP_EAST_1, id).get("version").asLong();
        customers.change(REP_EAST_1, id, Map.of("parentId", parentId))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CUSTOMER_TREE_CYCLE"))
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        assertThat(customers.get(REP_EAST_1, id).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void refusesACustomerAsItsOwnParentOrBelowItself() throws Exception {
        String a = customers.createId(REP_EAST_1, Map.of("type", "DISTRIBUTOR"));
        String b = child(REP_EAST_1, a, "DEALER");
        String c = child(REP_EAST_1, b, "DEALER");
        String d = child(REP_EAST_1, c, "RETAIL");
        assertCycleRefused(a, a);
        assertCycleRefused(a, b);
        assertCycleRefused(a, d);
        assertCycleRefused(b, d);
        // moving within the tree without a cycle is fine
        customers.change(REP_EAST_1, d, Map.of("parentId", a)).andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(a));
        customers.change(REP_EAST_1, d, Map.of("parentId", "")).andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").doesNotExist());
    }

    @Test
    void aParentMustBeACustomerTheCallerSees() throws Exception {
        String west = customers.createId(REP_WEST_1, Map.of());
        customers.register(REP_EAST_1, Map.of("parentId", west)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_PARENT"))
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        customers.register(REP_EAST_1, Map.of("parentId", UUID.randomUUID().toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_PARENT"));
    }

    @Test
    void aTreeHasAtMostTenLevels() throws Exception {
        List<String> chain = new ArrayList<>();
        chain.add(customers.createId(REP_EAST_1, Map.of("type", "DISTRIBUTOR")));
        for (int level = 2; level <= 10; level++) {
            chain.add(child(REP_EAST_1, chain.getLast(), "DEALER"));
        }
        customers.register(REP_EAST_1, Map.of("parentId", chain.getLast()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CUSTOMER_TREE_TOO_DEEP"));
        // nor by moving a subtree of two levels under the ninth
        String other = customers.createId(REP_EAST_1, Map.of());
        child(REP_EAST_1, other, "RETAIL");
        customers.change(REP_EAST_1, other, Map.of("parentId", chain.get(8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CUSTOMER_TREE_TOO_DEEP"));
        JsonNode tree = tree(REP_EAST_1, chain.getFirst());
        assertThat(tree.get("rollup").get("descendants").asInt()).isEqualTo(9);
    }

    @Test
    void theTreeNestsChildrenAndRollsUpCountsByType() throws Exception {
        String root = customers.createId(REP_EAST_1, Map.of("type", "DISTRIBUTOR"));
        String dealer1 = child(REP_EAST_1, root, "DEALER");
        String dealer2 = child(REP_EAST_1, root, "DEALER");
        child(REP_EAST_1, dealer1, "RETAIL");
        child(REP_EAST_1, dealer1, "RETAIL");
        child(REP_EAST_1, dealer2, "AGENT");

        JsonNode tree = tree(REP_EAST_1, root);
        assertThat(tree.get("id").asString()).isEqualTo(root);
        assertThat(tree.get("depth").asInt()).isZero();
        assertThat(tree.get("rollup").get("descendants").asInt()).isEqualTo(5);
        assertThat(tree.get("rollup").get("byType").get("DEALER").asInt()).isEqualTo(2);
        assertThat(tree.get("rollup").get("byType").get("RETAIL").asInt()).isEqualTo(2);
        assertThat(tree.get("rollup").get("byType").get("AGENT").asInt()).isEqualTo(1);
        assertThat(tree.get("children")).hasSize(2);
        JsonNode first = findChild(tree, dealer1);
        assertThat(first.get("depth").asInt()).isEqualTo(1);
        assertThat(first.get("rollup").get("descendants").asInt()).isEqualTo(2);
        assertThat(first.get("children")).hasSize(2);
        assertThat(first.get("children").get(0).get("children")).isEmpty();
        // a subtree of its own
        assertThat(tree(REP_EAST_1, dealer2).get("rollup").get("descendants").asInt()).isEqualTo(1);
    }

    @Test
    void customersOutsideTheCallersScopeAreLeftOutAndTheirVisibleChildrenMoveUp() throws Exception {
        String root = customers.createId(REP_EAST_1, Map.of("type", "DISTRIBUTOR"));
        String mine = child(REP_EAST_1, root, "DEALER");
        String managers = child(MANAGER_EAST_1, root, "DEALER");
        String outlet = customers.createId(REP_EAST_1, Map.of("type", "RETAIL"));
        customers.change(MANAGER_EAST_1, outlet, Map.of("parentId", managers)).andExpect(status().isOk());

        JsonNode full = tree(MANAGER_EAST_1, root);
        assertThat(full.get("rollup").get("descendants").asInt()).isEqualTo(3);
        assertThat(findChild(full, managers).get("children").get(0).get("id").asString()).isEqualTo(outlet);

        JsonNode scoped = tree(REP_EAST_1, root);
        assertThat(scoped.get("rollup").get("descendants").asInt()).isEqualTo(2);
        assertThat(scoped.get("rollup").get("byType").has("DEALER")).isTrue();
        assertThat(scoped.get("rollup").get("byType").get("DEALER").asInt()).isEqualTo(1);
        assertThat(scoped.toString()).doesNotContain(managers);
        JsonNode lifted = findChild(scoped, outlet);
        assertThat(lifted.get("depth").asInt()).as("its real distance from the root").isEqualTo(2);
        assertThat(findChild(scoped, mine).get("children")).isEmpty();

        mvc.perform(get("/api/v1/customers/" + root + "/tree").with(REP_WEST_1.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/" + managers + "/tree").with(REP_EAST_1.asCaller()))
                .andExpect(status().isNotFound());
    }

    private static JsonNode findChild(JsonNode node, String id) {
        for (JsonNode child : node.get("children")) {
            if (child.get("id").asString().equals(id)) {
                return child;
            }
        }
        throw new AssertionError("No child " + id + " in " + node);
    }
}
