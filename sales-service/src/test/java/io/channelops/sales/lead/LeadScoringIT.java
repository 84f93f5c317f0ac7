package io.channelops.sales.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Scoring through the API: rules, signals at known times, decay over time, bands, score history and the background
 * rescore after a rule change. Rules are company-wide, so each test scores its own signal types and campaign.
 */
class LeadScoringIT extends LeadsTestSupport {

    private static final Caller REP = Callers.REP_EAST_1;

    private JsonNode rule(String body) throws Exception {
        return read(mvc.perform(postJson("/api/v1/lead-scoring/rules", body)).andExpect(status().isCreated())
                .andExpect(header().exists("Location")).andReturn());
    }

    private JsonNode signal(String leadId, String type, Instant occurredAt, String signalId) throws Exception {
        return read(mvc.perform(postJson("/api/v1/leads/" + leadId + "/signals", """
                {"type":"%s","occurredAt":"%s","signalId":"%s"}""".formatted(type, occurredAt, signalId))
                .with(REP.asCaller())).andExpect(status().isCreated()).andReturn());
    }

    private void drainRescoreJobs() {
        for (int i = 0; i < 10_000 && rescoring.rescoreBatch() > 0; i++) {
            // every open lead is brought to the newest rule-set version
        }
    }

    @Test
    void signalsAtKnownTimesScoreAsComputedByHandAndDecayWeekByWeek() throws Exception {
        String opened = "OPENED_" + run;
        String demo = "DEMO_" + run;
        rule("""
                {"name":"E-mail opened","kind":"BEHAVIOUR","signalType":"%s","points":5,"decayPerWeek":1,
                 "maxCount":3}""".formatted(opened));
        rule("""
                {"name":"Demo","kind":"BEHAVIOUR","signalType":"%s","points":30,"decayPerWeek":10}""".formatted(demo));
        rule("""
                {"name":"Our campaign","kind":"FIELD","field":"CAMPAIGN","operator":"IN","values":["C-%s"],
                 "points":10}""".formatted(run));
        JsonNode lead = capture(REP, leadBody("EAST", null));
        String id = lead.path("id").asString();
        assertThat(lead.path("score").asInt()).as("the campaign rule").isEqualTo(10);
        assertThat(lead.path("band").asString()).isEqualTo("COLD");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        signal(id, opened, now.minus(Duration.ofDays(30)), run + "-s4");   // 4 w: 1, but beyond the cap of 3
        signal(id, opened.toLowerCase(), now.minus(Duration.ofDays(22)), run + "-s1");   // 3 w: 2
        signal(id, opened, now.minus(Duration.ofDays(8)), run + "-s2");    // 1 w: 4
        signal(id, demo, now.minus(Duration.ofDays(10)), run + "-d");      // 1 w: 20
        JsonNode last = signal(id, opened, now.minus(Duration.ofDays(1)), run + "-s3");   // 0 w: 5
        // 10 (campaign) + 5 + 4 + 2 (three most recent e-mails) + 20 (demo) = 41
        assertThat(last.path("score").asInt()).isEqualTo(41);
        assertThat(last.path("band").asString()).isEqualTo("WARM");

        // one week later: e-mails 4 + 3 + 1, demo 10, campaign 10 = 28, and the lead turns COLD
        for (int i = 0; i < 1000 && rescoring.refreshBatch(now.plus(Duration.ofDays(7))) > 0; i++) {
            // every lead whose score is due by then
        }
        JsonNode later = lead(id);
        assertThat(later.path("score").asInt()).isEqualTo(28);
        assertThat(later.path("band").asString()).isEqualTo("COLD");

        JsonNode history = read(mvc.perform(get("/api/v1/leads/" + id + "/score-history").with(REP.asCaller()))
                .andExpect(status().isOk()).andReturn());
        JsonNode changes = history.path("changes");
        assertThat(changes.path(0).path("cause").asString()).isEqualTo("TIME_PASSED");
        assertThat(changes.path(0).path("oldScore").asInt()).isEqualTo(41);
        assertThat(changes.path(0).path("newScore").asInt()).isEqualTo(28);
        assertThat(changes.path(0).path("oldBand").asString()).isEqualTo("WARM");
        assertThat(changes.path(0).path("newBand").asString()).isEqualTo("COLD");
        assertThat(changes.path(1).path("cause").asString()).isEqualTo("SIGNAL");
        assertThat(changes.path(1).path("detail").asString()).isEqualTo(opened);
        assertThat(changes.path(1).path("newScore").asInt()).isEqualTo(41);
        JsonNode first = changes.path(changes.size() - 1);
        assertThat(first.path("cause").asString()).isEqualTo("CREATED");
        assertThat(first.path("newScore").asInt()).isEqualTo(10);
        assertThat(first.has("oldScore")).isFalse();
        // created 10, then each signal: 11, 13, 17, 37, 41, then one week later 28
        assertThat(changes).extracting(change -> change.path("newScore").asInt())
                .containsExactly(28, 41, 37, 17, 13, 11, 10);

        // the list filters and sorts by the stored score
        mvc.perform(get("/api/v1/leads").param("campaign", "C-" + run).param("minScore", "28").param("band", "COLD"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].id").value(id));
    }

    @Test
    void aRepostedSignalIsStoredOnceAndClientsWithLeadsSignalMayPost() throws Exception {
        String type = "REVISIT_" + run;
        rule("""
                {"name":"Site revisit","kind":"BEHAVIOUR","signalType":"%s","points":7}""".formatted(type));
        String id = capture(REP, leadBody("EAST", null)).path("id").asString();
        Caller tracker = Callers.client("web-tracker-" + run, Callers.HQ, "leads:signal");
        String body = """
                {"type":"%s","signalId":"visit-1","detail":"pricing page"}""".formatted(type);
        mvc.perform(postJson("/api/v1/leads/" + id + "/signals", body).with(tracker.asCaller()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.score").value(7));
        mvc.perform(postJson("/api/v1/leads/" + id + "/signals", body).with(tracker.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.score").value(7));
        assertThat(rows("SELECT COUNT(*) FROM lead_signals WHERE lead_id = ?", id)).isEqualTo(1);

        Caller westTracker = Callers.client("west-tracker-" + run, Callers.WEST, "leads:signal");
        mvc.perform(postJson("/api/v1/leads/" + id + "/signals", body).with(westTracker.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(postJson("/api/v1/leads/" + id + "/signals", """
                {"type":"%s","occurredAt":"%s"}""".formatted(type, Instant.now().plus(Duration.ofDays(2))))
                .with(tracker.asCaller())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SIGNAL_IN_FUTURE"));
    }

    @Test
    void aRuleChangeRescoresStoredScoresInTheBackground() throws Exception {
        String type = "WEBINAR_" + run;
        JsonNode created = rule("""
                {"name":"Webinar","kind":"BEHAVIOUR","signalType":"%s","points":10}""".formatted(type));
        String ruleId = created.path("rule").path("id").asString();
        assertThat(created.path("rescoreJob").path("status").asString()).isEqualTo("PENDING");
        String id = capture(REP, leadBody("EAST", null)).path("id").asString();
        signal(id, type, Instant.now().minusSeconds(60), run + "-w");
        assertThat(lead(id).path("score").asInt()).isEqualTo(10);

        JsonNode changed = read(mvc.perform(put("/api/v1/lead-scoring/rules/" + ruleId).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Webinar","kind":"BEHAVIOUR","signalType":"%s","points":40}""".formatted(type)))
                .andExpect(status().isOk()).andReturn());
        String jobId = changed.path("rescoreJob").path("id").asString();
        assertThat(lead(id).path("score").asInt()).as("not rescored while the request runs").isEqualTo(10);

        drainRescoreJobs();
        mvc.perform(get("/api/v1/lead-scoring/rescore-jobs/" + jobId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"));
        JsonNode rescored = lead(id);
        assertThat(rescored.path("score").asInt()).isEqualTo(40);
        assertThat(rescored.path("band").asString()).isEqualTo("WARM");
        JsonNode history = read(mvc.perform(get("/api/v1/leads/" + id + "/score-history")).andReturn());
        assertThat(history.path("changes").path(0).path("cause").asString()).isEqualTo("RULES_CHANGED");
        assertThat(history.path("changes").path(0).path("detail").asString()).isEqualTo("job " + jobId);
        assertThat(history.path("changes").path(0).path("oldScore").asInt()).isEqualTo(10);

        // thresholds move the bands, also in the background
        try {
            mvc.perform(put("/api/v1/lead-scoring/settings").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"hotThreshold\":40,\"warmThreshold\":20}")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.rescoreJob.status").value("PENDING"));
            drainRescoreJobs();
            assertThat(lead(id).path("band").asString()).isEqualTo("HOT");
        }
        finally {
            mvc.perform(put("/api/v1/lead-scoring/settings").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"hotThreshold\":60,\"warmThreshold\":30}")).andExpect(status().isOk());
        }
        mvc.perform(delete("/api/v1/lead-scoring/rules/" + ruleId)).andExpect(status().isAccepted())
                .andExpect(header().exists("Location"));
        drainRescoreJobs();
        assertThat(lead(id).path("score").asInt()).isZero();
        assertThat(lead(id).path("band").asString()).isEqualTo("COLD");
    }

    @Test
    void refusesRulesWhosePartsDoNotFit() throws Exception {
        mvc.perform(postJson("/api/v1/lead-scoring/rules", """
                {"name":"Bad","kind":"FIELD","field":"SOURCE","operator":"AT_LEAST","points":5}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_SCORING_RULE"));
        mvc.perform(postJson("/api/v1/lead-scoring/rules", """
                {"name":"Bad","kind":"BEHAVIOUR","points":5}""")).andExpect(status().isUnprocessableContent());
        mvc.perform(postJson("/api/v1/lead-scoring/rules", """
                {"name":"Bad","kind":"FIELD","field":"BUDGET","operator":"AT_LEAST","points":5}"""))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/lead-scoring/settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hotThreshold\":20,\"warmThreshold\":20}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_BAND_THRESHOLDS"));
        mvc.perform(postJson("/api/v1/lead-scoring/rules", """
                {"name":"Rep","kind":"BEHAVIOUR","signalType":"X","points":5}""").with(REP.asCaller()))
                .andExpect(status().isForbidden());
    }
}
