package io.channelops.customer.ownership;

import static io.channelops.platform.test.Callers.DIRECTOR;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1_B;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Assigning customers one by one and in bulk, handing over a leaving rep's customers, and the history of it. */
@ServiceIntegrationTest
class OwnershipIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    TestCustomers customers;

    @BeforeEach
    void setUp() {
        customers = new TestCustomers(mvc, jdbc, json);
        UserDirectoryFeed.register(jdbc, REP_EAST_1_B, REP_WEST_1);
    }

    private ResultActions bulk(Caller caller, List<String> ids, String ownerId) throws Exception {
        return mvc.perform(post("/api/v1/customers/assignments").with(caller.asCaller())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("customerIds", ids, "ownerId", ownerId,
                        "reason", "Territory rebalancing"))));
    }

    @Test
    void aSingleAssignmentPublishesCustomerReassignedAndShowsInTheHistory() throws Exception {
        String id = customers.of(REP_EAST_1, "Single assign");
        mvc.perform(post("/api/v1/customers/" + id + "/assign").with(MANAGER_EAST_1.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\":\"" + REP_EAST_1_B.id() + "\",\"reason\":\"Covers the account\"}"))
                .andExpect(status().isOk());

        CustomerReassigned event = EventProbe.payload(EventProbe.await(Topics.CUSTOMERS,
                r -> id.equals(r.key()) && r.value().contains("\"toOwnerId\""), Duration.ofSeconds(30)),
                CustomerReassigned.class);
        assertThat(event).isEqualTo(new CustomerReassigned(id, REP_EAST_1.id(), Callers.EAST_1, REP_EAST_1_B.id(),
                Callers.EAST_1, false, "Covers the account", MANAGER_EAST_1.id(), event.reassignedAt()));
        assertThat(customers.events(id, "CustomerReassigned")).isEqualTo(1);

        mvc.perform(get("/api/v1/customers/" + id + "/assignments").with(REP_EAST_1_B.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].kind").value("ASSIGNED"))
                .andExpect(jsonPath("$.content[0].fromOwnerId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.content[0].toOwnerId").value(REP_EAST_1_B.id()))
                .andExpect(jsonPath("$.content[0].toOpenPool").value(false))
                .andExpect(jsonPath("$.content[0].reason").value("Covers the account"))
                .andExpect(jsonPath("$.content[0].assignedBy").value(MANAGER_EAST_1.id()));
        // the previous owner no longer sees the customer, nor its history
        mvc.perform(get("/api/v1/customers/" + id + "/assignments").with(REP_EAST_1.asCaller()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBulkAssignmentIsAllOrNothingAndNamesEveryCustomerTheCallerCannotSee() throws Exception {
        String a = customers.of(REP_EAST_1, "Bulk A");
        String b = customers.of(REP_EAST_1, "Bulk B");
        String west = customers.of(REP_WEST_1, "Bulk west");
        String unknown = UUID.randomUUID().toString();

        bulk(MANAGER_EAST_1, List.of(a, west, b, unknown), REP_EAST_1_B.id())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CUSTOMERS_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString(west), org.hamcrest.Matchers.containsString(unknown),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(a)))));
        for (String id : List.of(a, b)) {
            assertThat(customers.owner(id)).isEqualTo(REP_EAST_1.id());
            assertThat(customers.historyRows(id, "%")).isZero();
            assertThat(customers.events(id, "CustomerReassigned")).isZero();
        }

        bulk(MANAGER_EAST_1, List.of(a, b, a), REP_EAST_1_B.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned").value(2))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1_B.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1))
                .andExpect(jsonPath("$.customers[0].id").value(a))
                .andExpect(jsonPath("$.customers[1].id").value(b))
                .andExpect(jsonPath("$.customers[1].ownerId").value(REP_EAST_1_B.id()));
        for (String id : List.of(a, b)) {
            assertThat(customers.owner(id)).isEqualTo(REP_EAST_1_B.id());
            assertThat(customers.historyRows(id, "ASSIGNED")).isEqualTo(1);
            assertThat(customers.events(id, "CustomerReassigned")).isEqualTo(1);
        }
    }

    @Test
    void aBulkAssignmentChecksTheNewOwnerAndItsSize() throws Exception {
        String a = customers.of(REP_EAST_1, "Bulk checks");
        bulk(MANAGER_EAST, List.of(a), REP_WEST_1.id())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ASSIGNEE_OUT_OF_SCOPE"));
        bulk(REP_EAST_1, List.of(a), REP_EAST_1_B.id()).andExpect(status().isForbidden());
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        bulk(DIRECTOR, tooMany, REP_EAST_1_B.id()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        bulk(DIRECTOR, List.of(), REP_EAST_1_B.id()).andExpect(status().isBadRequest());
        assertThat(customers.owner(a)).isEqualTo(REP_EAST_1.id());
        assertThat(customers.historyRows(a, "%")).isZero();
    }

    @Test
    void aLeavingRepsCustomersInTheCallersScopeAllGoToTheSuccessor() throws Exception {
        Caller leaver = Callers.user("leaving rep", "u-leaver-" + UUID.randomUUID().toString().substring(0, 8),
                Callers.EAST_1, "REP");
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            theirs.add(customers.of(leaver, "Leaver's " + i));
        }
        // one of the leaver's customers lives in region west: a manager of region east does not see it
        String inWest = customers.of(leaver, "Leaver's west");
        jdbc.update("UPDATE customers SET org_path = ? WHERE id = ?", Callers.WEST_1, inWest);
        String someoneElses = customers.of(REP_EAST_1, "Not the leaver's");

        String body = json.writeValueAsString(Map.of("fromOwnerId", leaver.id(), "toOwnerId", REP_EAST_1_B.id(),
                "reason", "Rep left the company"));
        mvc.perform(post("/api/v1/customers/assignments/transfer-owner").with(MANAGER_EAST.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transferred").value(7))
                .andExpect(jsonPath("$.remaining").value(0))
                .andExpect(jsonPath("$.toOwnerId").value(REP_EAST_1_B.id()))
                .andExpect(jsonPath("$.toOrgPath").value(Callers.EAST_1));
        for (String id : theirs) {
            assertThat(customers.owner(id)).isEqualTo(REP_EAST_1_B.id());
            assertThat(customers.historyRows(id, "TRANSFERRED")).isEqualTo(1);
            assertThat(customers.events(id, "CustomerReassigned")).isEqualTo(1);
        }
        assertThat(customers.owner(inWest)).isEqualTo(leaver.id());
        assertThat(customers.historyRows(inWest, "%")).isZero();
        assertThat(customers.owner(someoneElses)).isEqualTo(REP_EAST_1.id());

        // a second call finds nothing more to move
        mvc.perform(post("/api/v1/customers/assignments/transfer-owner").with(MANAGER_EAST.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.transferred").value(0));
        // a director sees the west one too
        mvc.perform(post("/api/v1/customers/assignments/transfer-owner").with(DIRECTOR.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.transferred").value(1));
        assertThat(customers.owner(inWest)).isEqualTo(REP_EAST_1_B.id());
    }

    @Test
    void anOwnerTransferRefusesTheSameOwnerThePoolAndReps() throws Exception {
        mvc.perform(post("/api/v1/customers/assignments/transfer-owner").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromOwnerId\":\"" + REP_EAST_1_B.id() + "\",\"toOwnerId\":\""
                                + REP_EAST_1_B.id() + "\",\"reason\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("SAME_OWNER"));
        mvc.perform(post("/api/v1/customers/assignments/transfer-owner").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromOwnerId\":\"pool\",\"toOwnerId\":\"" + REP_EAST_1_B.id()
                                + "\",\"reason\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("RESERVED_OWNER"));
        mvc.perform(post("/api/v1/customers/assignments/transfer-owner").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromOwnerId\":\"" + REP_EAST_1.id() + "\",\"toOwnerId\":\""
                                + REP_EAST_1_B.id() + "\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theHistoryListsEveryKindOfChangeNewestFirstInPages() throws Exception {
        String id = customers.of(REP_EAST_1, "History");
        mvc.perform(post("/api/v1/customers/" + id + "/release-to-pool").with(MANAGER_EAST_1.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Back to the team\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/customers/" + id + "/claim").with(REP_EAST_1_B.asCaller()))
                .andExpect(status().isOk());
        bulk(MANAGER_EAST_1, List.of(id), REP_EAST_1_B.id()).andExpect(status().isOk());

        mvc.perform(get("/api/v1/customers/" + id + "/assignments").param("size", "2")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2))
                .andExpect(jsonPath("$.content[0].kind").value("ASSIGNED"))
                .andExpect(jsonPath("$.content[1].kind").value("CLAIMED"))
                .andExpect(jsonPath("$.content[1].fromOwnerId").value("pool"))
                .andExpect(jsonPath("$.content[1].assignedBy").value(REP_EAST_1_B.id()));
        mvc.perform(get("/api/v1/customers/" + id + "/assignments").param("size", "2").param("page", "1")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[0].kind").value("RELEASED_TO_POOL"))
                .andExpect(jsonPath("$.content[0].toOwnerId").value("pool"))
                .andExpect(jsonPath("$.content[0].toOpenPool").value(true))
                .andExpect(jsonPath("$.content[0].reason").value("Back to the team"));
        mvc.perform(get("/api/v1/customers/" + id + "/assignments").param("sort", "assignedAt,asc")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[0].kind").value("RELEASED_TO_POOL"));
        mvc.perform(get("/api/v1/customers/" + id + "/assignments").param("sort", "reason")
                        .with(MANAGER_EAST_1.asCaller()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/customers/" + id + "/assignments").with(REP_WEST_1.asCaller()))
                .andExpect(status().isNotFound());
    }
}
