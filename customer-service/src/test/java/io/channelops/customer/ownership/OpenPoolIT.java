package io.channelops.customer.ownership;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.MANAGER_WEST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
import static io.channelops.platform.test.Callers.REP_EAST_2;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.TestCustomers;
import io.channelops.platform.test.UserDirectoryFeed;
import io.channelops.events.Topics;
import io.channelops.events.customer.CustomerReassigned;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open pool: the reclaim job, who sees which pool, claims, the claim limit and releases. */
@ServiceIntegrationTest
class OpenPoolIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PoolReclaimJob job;

    @Autowired
    PoolSettings settings;

    TestCustomers customers;

    @BeforeEach
    void setUp() {
        customers = new TestCustomers(mvc, jdbc, json);
        UserDirectoryFeed.register(jdbc, REP_EAST_1);
    }

    private ResultActions claim(String id, Caller caller) throws Exception {
        return mvc.perform(post("/api/v1/customers/" + id + "/claim").with(caller.asCaller()));
    }

    /** Ids of the pool customers the caller sees whose name contains the marker. */
    private Set<String> poolOf(Caller caller, String marker) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/customers/pool").param("q", marker).param("size", "200")
                .with(caller.asCaller())).andExpect(status().isOk()).andReturn();
        Set<String> ids = new HashSet<>();
        json.readTree(result.getResponse().getContentAsString()).get("content")
                .forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    @Test
    void theReclaimJobReturnsExactlyTheProspectsNobodyTouchedForTheConfiguredDays() throws Exception {
        int days = settings.reclaimAfterDays();
        String stale = customers.of(REP_EAST_1, "Stale prospect");
        customers.createdDaysAgo(stale, days + 10);
        String staleWithOldActivity = customers.of(REP_EAST_1, "Stale with old activity");
        customers.createdDaysAgo(staleWithOldActivity, days + 60);
        customers.lastActivityDaysAgo(staleWithOldActivity, days + 1);
        customers.lastOrderDaysAgo(staleWithOldActivity, days + 2);
        String active = customers.of(REP_EAST_1, "Stale but active");
        customers.createdDaysAgo(active, days + 10);
        customers.setStatus(active, "ACTIVE");
        String recentActivity = customers.of(REP_EAST_1, "Recently visited");
        customers.createdDaysAgo(recentActivity, days + 10);
        customers.lastActivityDaysAgo(recentActivity, days - 5);
        String recentOrder = customers.of(REP_EAST_1, "Recently ordered");
        customers.createdDaysAgo(recentOrder, days + 10);
        customers.lastOrderDaysAgo(recentOrder, 1);
        String young = customers.of(REP_EAST_1, "Young prospect");
        customers.createdDaysAgo(young, days - 1);
        String recentlyAssigned = customers.of(REP_EAST_1, "Recently assigned");
        mvc.perform(post("/api/v1/customers/assignments").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("customerIds", List.of(recentlyAssigned),
                                "ownerId", REP_EAST_1.id(), "reason", "Fresh start"))))
                .andExpect(status().isOk());
        customers.createdDaysAgo(recentlyAssigned, days + 10);

        assertThat(job.runOnce()).isGreaterThanOrEqualTo(2);

        for (String id : List.of(stale, staleWithOldActivity)) {
            assertThat(customers.owner(id)).as("owner of %s", id).isEqualTo("pool");
            assertThat(customers.orgPath(id)).isEqualTo(Callers.EAST_1);
            assertThat(jdbc.queryForMap("""
                    SELECT kind, from_owner_id, to_owner_id, to_org_path, reason, assigned_by
                      FROM customer_assignments WHERE customer_id = ?""", id)).isEqualTo(Map.of(
                    "kind", "RETURNED_TO_POOL", "from_owner_id", REP_EAST_1.id(), "to_owner_id", "pool",
                    "to_org_path", Callers.EAST_1, "reason", "no activity for " + days + " days",
                    "assigned_by", "system"));
        }
        for (String id : List.of(active, recentActivity, recentOrder, young, recentlyAssigned)) {
            assertThat(customers.owner(id)).as("owner of %s", id).isEqualTo(REP_EAST_1.id());
            assertThat(customers.historyRows(id, "RETURNED_TO_POOL")).isZero();
        }

        CustomerReassigned event = EventProbe.payload(EventProbe.await(Topics.CUSTOMERS,
                r -> stale.equals(r.key()) && r.value().contains("\"toOpenPool\""), Duration.ofSeconds(30)),
                CustomerReassigned.class);
        assertThat(event.toOpenPool()).isTrue();
        assertThat(event.toOwnerId()).isEqualTo("pool");
        assertThat(event.toOrgPath()).isEqualTo(Callers.EAST_1);
        assertThat(event.fromOwnerId()).isEqualTo(REP_EAST_1.id());
        assertThat(event.reason()).isEqualTo("no activity for " + days + " days");

        // the pool is not touched again: nothing stale is left among these
        job.runOnce();
        assertThat(customers.historyRows(stale, "%")).isEqualTo(1);
    }

    @Test
    void twoRunsAtOnceReturnEachStaleProspectOnceWithOneHistoryRowAndOneEvent() throws Exception {
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = customers.of(REP_EAST_2, "Parallel stale " + i);
            customers.createdDaysAgo(id, settings.reclaimAfterDays() + 3);
            stale.add(id);
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            return job.runOnce();
        };
        int returned = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = threads.submit(run);
            Future<Integer> second = threads.submit(run);
            start.countDown();
            returned = first.get() + second.get();
        }
        assertThat(returned).isGreaterThanOrEqualTo(stale.size());
        for (String id : stale) {
            assertThat(customers.owner(id)).isEqualTo("pool");
            assertThat(customers.historyRows(id, "%")).as("history rows of %s", id).isEqualTo(1);
            assertThat(customers.events(id, "CustomerReassigned")).as("events of %s", id).isEqualTo(1);
        }
    }

    @Test
    void eachCallerSeesThePoolsOfTheirOrgUnitAndBelow() throws Exception {
        String marker = TestCustomers.uniqueCode("Pool");
        String team1 = customers.of(REP_EAST_1, marker + " team-1");
        String team2 = customers.of(REP_EAST_2, marker + " team-2");
        String region = customers.of(MANAGER_EAST, marker + " region east");
        for (String id : List.of(team1, team2, region)) {
            customers.intoPool(id);
        }

        assertThat(poolOf(REP_EAST_1, marker)).containsExactly(team1);
        assertThat(poolOf(REP_EAST_1_B, marker)).containsExactly(team1);
        assertThat(poolOf(REP_EAST_2, marker)).containsExactly(team2);
        assertThat(poolOf(REP_WEST_1, marker)).isEmpty();
        assertThat(poolOf(MANAGER_EAST_1, marker)).containsExactly(team1);
        assertThat(poolOf(MANAGER_EAST, marker)).containsExactlyInAnyOrder(team1, team2, region);
        assertThat(poolOf(MANAGER_WEST, marker)).isEmpty();
        assertThat(poolOf(DIRECTOR, marker)).containsExactlyInAnyOrder(team1, team2, region);
        assertThat(poolOf(Callers.AUDITOR, marker)).containsExactlyInAnyOrder(team1, team2, region);
        assertThat(poolOf(Callers.client("pool-client", Callers.EAST_1, "customers:read"), marker))
                .containsExactly(team1);

        mvc.perform(get("/api/v1/customers/pool").param("q", marker).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].ownerId").value("pool"))
                .andExpect(jsonPath("$.content[0].inOpenPool").value(true))
                .andExpect(jsonPath("$.content[0].orgPath").value(Callers.EAST_1));
        // ordinary reads keep the data scope: a rep does not read a pool customer, its team's manager does
        mvc.perform(get("/api/v1/customers/" + team1).with(REP_EAST_1.asCaller())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/" + team1).with(MANAGER_EAST_1.asCaller())).andExpect(status().isOk());
        // not in any pool: never listed
        String owned = customers.of(REP_EAST_1, marker + " owned");
        assertThat(poolOf(DIRECTOR, marker)).doesNotContain(owned);
    }

    @Test
    void aClaimMakesTheCallerTheOwnerInTheirOrgUnitAndIsRecorded() throws Exception {
        String id = customers.of(REP_EAST_2, "Claimable");
        customers.intoPool(id);
        claim(id, REP_EAST_1).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        claim(id, REP_WEST_1).andExpect(status().isNotFound());

        // a manager of the region claims from a team's pool: the customer moves to the region
        claim(id, MANAGER_EAST).andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(MANAGER_EAST.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST))
                .andExpect(jsonPath("$.inOpenPool").value(false));
        assertThat(jdbc.queryForMap("""
                SELECT kind, from_owner_id, from_org_path, to_owner_id, to_org_path, assigned_by
                  FROM customer_assignments WHERE customer_id = ?""", id)).isEqualTo(Map.of("kind", "CLAIMED",
                "from_owner_id", "pool", "from_org_path", Callers.EAST_2, "to_owner_id", MANAGER_EAST.id(),
                "to_org_path", Callers.EAST, "assigned_by", MANAGER_EAST.id()));
        CustomerReassigned event = EventProbe.payload(EventProbe.await(Topics.CUSTOMERS,
                r -> id.equals(r.key()) && r.value().contains("\"toOpenPool\""), Duration.ofSeconds(30)),
                CustomerReassigned.class);
        assertThat(event.fromOwnerId()).isEqualTo("pool");
        assertThat(event.toOwnerId()).isEqualTo(MANAGER_EAST.id());
        assertThat(event.toOpenPool()).isFalse();

        // the rep of team-2 saw it in the pool: someone was first
        claim(id, REP_EAST_2).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_CLAIMED"));
        // never in the pool
        String owned = customers.of(REP_EAST_1, "Owned");
        claim(owned, MANAGER_EAST_1).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_IN_POOL"));
        claim(owned, REP_EAST_1_B).andExpect(status().isNotFound());
        claim(UUID.randomUUID().toString(), DIRECTOR).andExpect(status().isNotFound());
    }

    @Test
    void ofConcurrentClaimsOfOneCustomerExactlyOneWins() throws Exception {
        for (int round = 0; round < 4; round++) {
            String id = customers.of(MANAGER_EAST_1, "Contested " + round);
            customers.intoPool(id);
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<MvcResult>> calls = new ArrayList<>();
            for (Caller caller : List.of(REP_EAST_1, REP_EAST_1_B, MANAGER_EAST_1)) {
                calls.add(() -> {
                    start.await();
                    return claim(id, caller).andReturn();
                });
            }
            List<Future<MvcResult>> results = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(calls.size())) {
                for (Callable<MvcResult> call : calls) {
                    results.add(threads.submit(call));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<String> codes = new ArrayList<>();
                for (Future<MvcResult> result : results) {
                    var response = result.get().getResponse();
                    statuses.add(response.getStatus());
                    if (response.getStatus() != 200) {
                        codes.add(json.readTree(response.getContentAsString()).get("code").asString());
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409);
                assertThat(codes).containsOnly("ALREADY_CLAIMED");
            }
            assertThat(customers.historyRows(id, "CLAIMED")).isEqualTo(1);
            assertThat(customers.events(id, "CustomerReassigned")).isEqualTo(1);
            assertThat(customers.owner(id)).isNotEqualTo("pool");
        }
    }

    @Test
    void aUserHoldsAtMostTheClaimLimitOfClaimedProspects() throws Exception {
        Caller rep = Callers.user("rep with a limit", "u-rep-limit-" + UUID.randomUUID().toString().substring(0, 8),
                Callers.EAST_1, "REP");
        int limit = settings.claimLimit();
        List<String> pool = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            String id = customers.of(MANAGER_EAST_1, "Limit " + i);
            customers.intoPool(id);
            pool.add(id);
        }
        for (int i = 0; i < limit; i++) {
            claim(pool.get(i), rep).andExpect(status().isOk());
        }
        String last = pool.get(limit);
        claim(last, rep).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CLAIM_LIMIT_REACHED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(String.valueOf(limit))));
        assertThat(customers.owner(last)).isEqualTo("pool");
        assertThat(customers.historyRows(last, "%")).isZero();

        // a claimed prospect that became a paying customer no longer counts
        customers.setStatus(pool.getFirst(), "ACTIVE");
        claim(last, rep).andExpect(status().isOk());
        String another = customers.of(MANAGER_EAST_1, "Limit again");
        customers.intoPool(another);
        claim(another, rep).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CLAIM_LIMIT_REACHED"));
    }

    @Test
    void integrationClientsCannotClaim() throws Exception {
        String id = customers.of(REP_EAST_1, "Client claim");
        customers.intoPool(id);
        claim(id, Callers.client("claiming-client", Callers.HQ, "customers:read", "customers:write"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CLAIM_NOT_ALLOWED"));
        claim(id, Callers.client("west-client", Callers.WEST, "customers:write")).andExpect(status().isNotFound());
        assertThat(customers.owner(id)).isEqualTo("pool");
    }

    @Test
    void aManagerPutsACustomerBackIntoItsUnitsPool() throws Exception {
        String id = customers.of(REP_EAST_1, "Released");
        mvc.perform(post("/api/v1/customers/" + id + "/release-to-pool").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Mine to give\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/customers/" + id + "/release-to-pool").with(MANAGER_WEST.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Not mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/customers/" + id + "/release-to-pool").with(MANAGER_EAST_1.asCaller())
                        .header("If-Match", "\"5\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Stale ETag\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/customers/" + id + "/release-to-pool").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/customers/" + id + "/release-to-pool").with(MANAGER_EAST_1.asCaller())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Rep is overloaded\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value("pool"))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1));
        CustomerReassigned event = EventProbe.payload(EventProbe.await(Topics.CUSTOMERS,
                r -> id.equals(r.key()) && r.value().contains("\"toOpenPool\""), Duration.ofSeconds(30)),
                CustomerReassigned.class);
        assertThat(event.toOpenPool()).isTrue();
        assertThat(event.reason()).isEqualTo("Rep is overloaded");
        assertThat(event.reassignedBy()).isEqualTo(MANAGER_EAST_1.id());
        assertThat(customers.historyRows(id, "RELEASED_TO_POOL")).isEqualTo(1);

        mvc.perform(post("/api/v1/customers/" + id + "/release-to-pool").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Again\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_IN_POOL"));
        JsonNode listed = json.readTree(mvc.perform(get("/api/v1/customers/pool").param("q", "Released")
                .param("size", "200").with(REP_EAST_1_B.asCaller())).andReturn().getResponse().getContentAsString());
        assertThat(listed.get("content").findValuesAsString("id")).contains(id);
    }
}
