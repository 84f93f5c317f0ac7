package io.channelops.sales.opportunity;

import static io.channelops.platform.test.Callers.MANAGER_EAST_1;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Money;
import io.channelops.events.Topics;
import io.channelops.events.sales.OpportunityLost;
import io.channelops.events.sales.OpportunityStageChanged;
import io.channelops.events.sales.OpportunityWon;
import io.channelops.platform.test.EventProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** An opportunity's way through the pipeline: stage history on the clock, winning, losing, and what is refused. */
@PipelineIntegrationTest
class OpportunityLifecycleIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PipelineClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private OpportunityApi api() {
        return new OpportunityApi(mvc, json);
    }

    private ResultActions action(String id, String action, String body) throws Exception {
        return mvc.perform(post("/api/v1/opportunities/" + id + "/" + action).with(REP_EAST_1.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<ConsumerRecord<String, String>> events(String id, int count) {
        List<ConsumerRecord<String, String>> events = EventProbe.collect(Topics.OPPORTUNITIES,
                r -> id.equals(r.key()), count, Duration.ofSeconds(30));
        assertThat(events).hasSize(count);
        return events;
    }

    @Test
    void recordsEveryStageEnteredWithItsTimeItsMoverAndTheWholeDaysSpentBefore() throws Exception {
        Instant opened = Instant.parse("2021-03-01T08:00:00Z");
        clock.set(opened);
        String customer = OpportunityApi.uniqueCustomer();
        String id = api().open(REP_EAST_1, customer, "80000.00", "CNY", "2021-06-30");

        clock.set(opened.plus(Duration.ofDays(5)).plus(Duration.ofHours(3)));
        action(id, "stage", "{\"stage\":\"QUALIFICATION\",\"note\":\"Budget confirmed\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.stage").value("QUALIFICATION"))
                .andExpect(jsonPath("$.probability").value(20))
                .andExpect(jsonPath("$.stageEnteredAt").value("2021-03-06T11:00:00Z"));

        // 11 days 23 hours later: 11 whole days in QUALIFICATION; the manager moves it with their own estimate
        clock.set(Instant.parse("2021-03-18T10:00:00Z"));
        mvc.perform(post("/api/v1/opportunities/" + id + "/stage").with(MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"stage\":\"PROPOSAL\",\"probability\":60}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.probability").value(60))
                .andExpect(jsonPath("$.probabilityOverridden").value(true));

        // the same stage again records nothing
        action(id, "stage", "{\"stage\":\"PROPOSAL\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.probability").value(60));

        clock.set(Instant.parse("2021-03-20T10:00:00Z"));
        action(id, "win", "{\"note\":\"PO received\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WON"))
                .andExpect(jsonPath("$.stage").value("WON"))
                .andExpect(jsonPath("$.probability").value(100))
                .andExpect(jsonPath("$.probabilityOverridden").value(false))
                .andExpect(jsonPath("$.closedAt").value("2021-03-20T10:00:00Z"))
                .andExpect(jsonPath("$.closedOn").value("2021-03-20"))
                .andExpect(jsonPath("$.closeNote").value("PO received"));

        mvc.perform(get("/api/v1/opportunities/" + id + "/history").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes.length()").value(4))
                .andExpect(jsonPath("$.changes[0].toStage").value("PROSPECTING"))
                .andExpect(jsonPath("$.changes[0].changedAt").value("2021-03-01T08:00:00Z"))
                .andExpect(jsonPath("$.changes[1].fromStage").value("PROSPECTING"))
                .andExpect(jsonPath("$.changes[1].toStage").value("QUALIFICATION"))
                .andExpect(jsonPath("$.changes[1].probability").value(20))
                .andExpect(jsonPath("$.changes[1].changedAt").value("2021-03-06T11:00:00Z"))
                .andExpect(jsonPath("$.changes[1].changedBy").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.changes[1].daysInPreviousStage").value(5))
                .andExpect(jsonPath("$.changes[1].note").value("Budget confirmed"))
                .andExpect(jsonPath("$.changes[2].fromStage").value("QUALIFICATION"))
                .andExpect(jsonPath("$.changes[2].toStage").value("PROPOSAL"))
                .andExpect(jsonPath("$.changes[2].probability").value(60))
                .andExpect(jsonPath("$.changes[2].changedAt").value("2021-03-18T10:00:00Z"))
                .andExpect(jsonPath("$.changes[2].changedBy").value(MANAGER_EAST_1.id()))
                .andExpect(jsonPath("$.changes[2].daysInPreviousStage").value(11))
                .andExpect(jsonPath("$.changes[3].fromStage").value("PROPOSAL"))
                .andExpect(jsonPath("$.changes[3].toStage").value("WON"))
                .andExpect(jsonPath("$.changes[3].probability").value(100))
                .andExpect(jsonPath("$.changes[3].daysInPreviousStage").value(2))
                .andExpect(jsonPath("$.changes[3].note").value("PO received"));

        List<ConsumerRecord<String, String>> events = events(id, 4);
        assertThat(events).extracting(e -> EventProbe.header(e, "ce_aggregateversion"))
                .containsExactly("1", "2", "3", "4");
        Money amount = new Money(new BigDecimal("80000.00"), "CNY");
        assertThat(EventProbe.payload(events.get(2), OpportunityStageChanged.class)).isEqualTo(
                new OpportunityStageChanged(id, customer, "QUALIFICATION", "PROPOSAL", 60, amount,
                        LocalDate.parse("2021-06-30"), Instant.parse("2021-03-18T10:00:00Z"), REP_EAST_1.id(),
                        REP_EAST_1.orgPath()));
        assertThat(EventProbe.header(events.get(3), "ce_type")).endsWith("OpportunityWon");
        assertThat(EventProbe.payload(events.get(3), OpportunityWon.class)).isEqualTo(new OpportunityWon(id, customer,
                amount, Instant.parse("2021-03-20T10:00:00Z"), REP_EAST_1.id(), REP_EAST_1.orgPath()));
    }

    @Test
    void losesForAConfiguredReasonToACompetitorAndPublishesIt() throws Exception {
        clock.set(Instant.parse("2021-04-01T00:00:00Z"));
        String customer = OpportunityApi.uniqueCustomer();
        String id = api().open(REP_EAST_1, customer, "1200.00", "USD", "2021-05-31", "NEGOTIATION", null);
        clock.set(Instant.parse("2021-04-10T23:59:00Z"));

        action(id, "lose", "{\"reason\":\"LUCK\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOSS_REASON"));
        action(id, "lose", "{\"competitor\":\"Acme\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get("/api/v1/opportunities/" + id).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(header().string("ETag", "\"0\""));

        action(id, "lose", "{\"reason\":\"competitor\",\"competitor\":\" Acme Pumps \",\"note\":\"Faster delivery\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOST"))
                .andExpect(jsonPath("$.stage").value("LOST"))
                .andExpect(jsonPath("$.probability").value(0))
                .andExpect(jsonPath("$.lossReason").value("COMPETITOR"))
                .andExpect(jsonPath("$.competitor").value("Acme Pumps"))
                .andExpect(jsonPath("$.closeNote").value("Faster delivery"))
                .andExpect(jsonPath("$.closedOn").value("2021-04-10"));
        mvc.perform(get("/api/v1/opportunities/" + id + "/history").with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.changes[1].fromStage").value("NEGOTIATION"))
                .andExpect(jsonPath("$.changes[1].toStage").value("LOST"))
                .andExpect(jsonPath("$.changes[1].daysInPreviousStage").value(9));

        ConsumerRecord<String, String> lost = events(id, 2).get(1);
        assertThat(EventProbe.payload(lost, OpportunityLost.class)).isEqualTo(new OpportunityLost(id, customer,
                new Money(new BigDecimal("1200.00"), "USD"), "COMPETITOR", "Acme Pumps",
                Instant.parse("2021-04-10T23:59:00Z"), REP_EAST_1.id(), REP_EAST_1.orgPath()));
    }

    @Test
    void aClosedOpportunityRefusesEveryFurtherTransitionWith409AndStaysAsItWas() throws Exception {
        String lost = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "10", "CNY", "2021-05-31");
        api().lose(REP_EAST_1, lost, "PRICE", null);
        String won = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "10", "CNY", "2021-05-31");
        api().win(REP_EAST_1, won);

        action(lost, "win", "{}").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"))
                .andExpect(jsonPath("$.detail").value("Cannot win opportunity " + lost + " in state LOST"));
        action(lost, "lose", "{\"reason\":\"PRICE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        action(won, "lose", "{\"reason\":\"PRICE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        action(won, "win", "{}").andExpect(status().isConflict());
        action(won, "stage", "{\"stage\":\"PROPOSAL\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(patch("/api/v1/opportunities/" + won).with(REP_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":{\"amount\":99,\"currency\":\"CNY\"}}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));

        mvc.perform(get("/api/v1/opportunities/" + lost).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.status").value("LOST")).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(get("/api/v1/opportunities/" + won).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.status").value("WON")).andExpect(jsonPath("$.amount.amount").value(10))
                .andExpect(header().string("ETag", "\"1\""));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity_stage_changes WHERE opportunity_id IN (?, ?)",
                Long.class, lost, won)).isEqualTo(4);
    }

    @Test
    void movesOnlyToActiveOpenStagesAndChecksTheETagWhenSent() throws Exception {
        String id = api().open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "10", "CNY", "2021-05-31");
        action(id, "stage", "{\"stage\":\"WON\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STAGE_NOT_OPEN"));
        action(id, "stage", "{\"stage\":\"LOST\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STAGE_NOT_OPEN"));
        action(id, "stage", "{\"stage\":\"SOMEWHERE\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_STAGE"));
        action(id, "stage", "{\"stage\":\"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        action(id, "stage", "{\"stage\":\"PROPOSAL\",\"probability\":150}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("probability"));
        mvc.perform(post("/api/v1/opportunities/" + id + "/stage").with(REP_EAST_1.asCaller())
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PROPOSAL\"}"))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(post("/api/v1/opportunities/" + id + "/win").with(REP_EAST_1.asCaller())
                        .header("If-Match", "\"3\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/opportunities/" + id + "/stage").with(REP_EAST_1.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PROPOSAL\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        // win without a body at all
        mvc.perform(post("/api/v1/opportunities/" + id + "/win").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WON"));
    }
}
