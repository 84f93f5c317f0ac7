package io.channelops.sales.opportunity;

import static io.channelops.platform.test.Callers.ADMIN;
import static io.channelops.platform.test.Callers.MANAGER_EAST;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pipeline's stages and loss reasons: seeded, read by everyone in sales, changed by administrators only. */
@PipelineIntegrationTest
class PipelineConfigIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private ResultActions createStage(String body) throws Exception {
        return mvc.perform(post("/api/v1/pipeline/stages").with(ADMIN.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions changeStage(String code, String ifMatch, String body) throws Exception {
        return mvc.perform(patch("/api/v1/pipeline/stages/" + code).with(ADMIN.asCaller()).header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theSeededPipelineHasSixStagesInOrderAndSevenLossReasons() throws Exception {
        mvc.perform(get("/api/v1/pipeline/stages").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.code == 'PROSPECTING')].probability").value(10))
                .andExpect(jsonPath("$.content[?(@.code == 'PROSPECTING')].stallDays").value(14))
                .andExpect(jsonPath("$.content[?(@.code == 'QUALIFICATION')].probability").value(20))
                .andExpect(jsonPath("$.content[?(@.code == 'PROPOSAL')].probability").value(50))
                .andExpect(jsonPath("$.content[?(@.code == 'NEGOTIATION')].probability").value(75))
                .andExpect(jsonPath("$.content[?(@.code == 'WON')].probability").value(100))
                .andExpect(jsonPath("$.content[?(@.code == 'WON')].kind").value("WON"))
                .andExpect(jsonPath("$.content[?(@.code == 'LOST')].probability").value(0))
                .andExpect(jsonPath("$.content[?(@.code == 'LOST')].kind").value("LOST"))
                .andExpect(jsonPath("$.content[?(@.code == 'LOST')].stallDays").isEmpty())
                .andExpect(jsonPath("$.content[0].code").value("PROSPECTING"))
                .andExpect(jsonPath("$.content[1].code").value("QUALIFICATION"))
                .andExpect(jsonPath("$.content[2].code").value("PROPOSAL"))
                .andExpect(jsonPath("$.content[3].code").value("NEGOTIATION"));
        mvc.perform(get("/api/v1/pipeline/stages/negotiation").with(ADMIN.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("NEGOTIATION"))
                .andExpect(header().exists("ETag"));
        mvc.perform(get("/api/v1/pipeline/loss-reason-codes").with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].code").value(hasItems("PRICE", "COMPETITOR", "NO_BUDGET",
                        "NO_DECISION", "TIMING", "PRODUCT_FIT", "OTHER")))
                .andExpect(jsonPath("$.content[0].code").value("PRICE"));
        mvc.perform(get("/api/v1/pipeline/stages/NOWHERE")).andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorAddsAnOpenStageWhoseDefaultProbabilityOpportunitiesFollowUntilItIsRetired()
            throws Exception {
        String code = uniqueCode("REVIEW_");
        createStage("""
                {"code":"%s","name":"Technical review","kind":"OPEN","probability":35,"stallDays":10}"""
                .formatted(code.toLowerCase(Locale.ROOT)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/pipeline/stages/" + code))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.probability").value(35))
                .andExpect(jsonPath("$.stallDays").value(10))
                .andExpect(jsonPath("$.active").value(true));
        JsonNode stages = json.readTree(mvc.perform(get("/api/v1/pipeline/stages")).andReturn().getResponse()
                .getContentAsString()).get("content");
        int position = -1;
        int won = -1;
        for (int i = 0; i < stages.size(); i++) {
            position = stages.get(i).get("code").asString().equals(code) ? i : position;
            won = stages.get(i).get("code").asString().equals("WON") ? i : won;
        }
        org.assertj.core.api.Assertions.assertThat(position).as("after the seeded open stages, before won")
                .isGreaterThan(3).isLessThan(won);

        OpportunityApi api = new OpportunityApi(mvc, json);
        String following = api.open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-08-31");
        api.move(REP_EAST_1, following, code);
        String ownEstimate = api.open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-08-31", code,
                80);
        changeStage(code, "\"0\"", "{\"probability\":40,\"stallDays\":7,\"name\":\"Tech review\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.probability").value(40)).andExpect(jsonPath("$.name").value("Tech review"));
        mvc.perform(get("/api/v1/opportunities/" + following).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.probability").value(40)).andExpect(jsonPath("$.stageName").value("Tech review"));
        mvc.perform(get("/api/v1/opportunities/" + ownEstimate).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.probability").value(80));

        changeStage(code, "\"1\"", "{\"active\":false,\"neverStalls\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false)).andExpect(jsonPath("$.stallDays").doesNotExist());
        String other = api.open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-08-31");
        mvc.perform(post("/api/v1/opportunities/" + other + "/stage").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"stage\":\"" + code + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_STAGE"));
        // opportunities in a retired stage stay there and move on as usual
        mvc.perform(get("/api/v1/opportunities/" + following).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.stage").value(code));
        api.move(REP_EAST_1, following, "NEGOTIATION");
    }

    @Test
    void refusesStagesThatBreakTheRules() throws Exception {
        String code = uniqueCode("S_");
        createStage("{\"code\":\"" + code + "\",\"name\":\"No probability\",\"kind\":\"OPEN\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STAGE_PROBABILITY_REQUIRED"));
        createStage("{\"code\":\"" + code + "\",\"name\":\"Half won\",\"kind\":\"WON\",\"probability\":50}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STAGE_PROBABILITY_FIXED"))
                .andExpect(jsonPath("$.detail").value("A WON stage always has a win probability of 100 %"));
        createStage("{\"code\":\"" + code + "\",\"name\":\"Stalling loss\",\"kind\":\"LOST\",\"stallDays\":3}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STALL_DAYS_ONLY_FOR_OPEN_STAGES"));
        createStage("{\"code\":\"1BAD\",\"name\":\" \",\"kind\":\"OPEN\",\"probability\":101,\"stallDays\":0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'probability')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'stallDays')]").exists());
        createStage("{\"code\":\"" + code + "\",\"name\":\"Odd\",\"kind\":\"PAUSED\",\"probability\":1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"));
        createStage("{\"code\":\"proposal\",\"name\":\"Again\",\"kind\":\"OPEN\",\"probability\":1}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STAGE_CODE_TAKEN"));

        changeStage("WON", "\"0\"", "{\"probability\":90}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STAGE_PROBABILITY_FIXED"));
        changeStage("WON", "\"0\"", "{\"active\":false}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("LAST_STAGE_OF_KIND"));
        changeStage("WON", "\"7\"", "{\"name\":\"Closed won\"}").andExpect(status().isPreconditionFailed());
        mvc.perform(patch("/api/v1/pipeline/stages/WON").with(ADMIN.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Closed won\"}"))
                .andExpect(status().isPreconditionRequired());
        changeStage("WON", "\"0\"", "{\"kind\":\"LOST\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        mvc.perform(get("/api/v1/pipeline/stages/WON")).andExpect(jsonPath("$.name").value("Won"))
                .andExpect(jsonPath("$.active").value(true));
    }

    @Test
    void onlyAdministratorsChangeThePipelineWhileEveryoneInSalesReadsIt() throws Exception {
        for (var caller : new io.channelops.platform.test.Caller[] {REP_EAST_1, MANAGER_EAST}) {
            mvc.perform(post("/api/v1/pipeline/stages").with(caller.asCaller())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"X\",\"name\":\"X\",\"kind\":\"OPEN\",\"probability\":1}"))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
            mvc.perform(patch("/api/v1/pipeline/loss-reason-codes/PRICE").with(caller.asCaller())
                            .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Cheap\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/pipeline/stages").with(caller.asCaller())).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/pipeline/loss-reason-codes").with(ADMIN.asCaller())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/pipeline/stages").with(io.channelops.platform.test.Callers.FINANCE.asCaller()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRetiredLossReasonCannotBeChosenButStaysOnTheDealsLostForIt() throws Exception {
        String code = uniqueCode("DELIVERY_");
        mvc.perform(post("/api/v1/pipeline/loss-reason-codes").with(ADMIN.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"Delivery time too long\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/pipeline/loss-reason-codes/" + code))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(post("/api/v1/pipeline/loss-reason-codes").with(ADMIN.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"price\",\"name\":\"Again\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LOSS_REASON_CODE_TAKEN"));
        mvc.perform(post("/api/v1/pipeline/loss-reason-codes").with(ADMIN.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"a b\",\"name\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));

        OpportunityApi api = new OpportunityApi(mvc, json);
        String lost = api.open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-08-31");
        api.lose(REP_EAST_1, lost, code, null);
        mvc.perform(patch("/api/v1/pipeline/loss-reason-codes/" + code).with(ADMIN.asCaller())
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        String open = api.open(REP_EAST_1, OpportunityApi.uniqueCustomer(), "100", "CNY", "2021-08-31");
        mvc.perform(post("/api/v1/opportunities/" + open + "/lose").with(REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + code + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOSS_REASON"));
        mvc.perform(get("/api/v1/opportunities/" + lost).with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.lossReason").value(code));
    }
}
