package io.channelops.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every opportunity, pipeline and forecast operation is in the OpenAPI document, described, with examples. */
@PipelineIntegrationTest
class PipelineApiDocsIT {

    private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("/api/v1/opportunities", List.of("post", "get")),
            Map.entry("/api/v1/opportunities/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/opportunities/{id}/stage", List.of("post")),
            Map.entry("/api/v1/opportunities/{id}/win", List.of("post")),
            Map.entry("/api/v1/opportunities/{id}/lose", List.of("post")),
            Map.entry("/api/v1/opportunities/{id}/assign", List.of("post")),
            Map.entry("/api/v1/opportunities/{id}/history", List.of("get")),
            Map.entry("/api/v1/opportunities/{id}/activities", List.of("post", "get")),
            Map.entry("/api/v1/opportunities/stalled", List.of("get")),
            Map.entry("/api/v1/pipeline/stages", List.of("get", "post")),
            Map.entry("/api/v1/pipeline/stages/{code}", List.of("get", "patch")),
            Map.entry("/api/v1/pipeline/loss-reason-codes", List.of("get", "post")),
            Map.entry("/api/v1/pipeline/loss-reason-codes/{code}", List.of("get", "patch")),
            Map.entry("/api/v1/pipeline/funnel", List.of("get")),
            Map.entry("/api/v1/pipeline/loss-reasons", List.of("get")),
            Map.entry("/api/v1/forecast", List.of("get")),
            Map.entry("/api/v1/forecast/overrides/{repId}/{period}", List.of("get", "put", "delete")));

    private static final List<String> SCHEMAS_WITH_EXAMPLES = List.of("OpportunityRequest",
            "OpportunityChangeRequest", "OpportunityResponse", "StageMoveRequest", "WinRequest", "LoseRequest",
            "OpportunityAssignRequest", "OpportunityActivityRequest", "OpportunityActivityResponse",
            "StageHistoryResponse", "StalledDealResponse", "StageRequest", "StageChangeRequest", "StageResponse",
            "LossReasonRequest", "LossReasonChangeRequest", "LossReasonResponse", "ForecastResponse",
            "RepForecastResponse", "ForecastOverrideRequest", "FunnelResponse", "LossAnalysisResponse",
            "AmountRequest", "OpportunityProductRequest");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void describesEveryPipelineOperationWithExamples() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        OPERATIONS.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = docs.path("paths").path(path).path(method);
            assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
            assertThat(operation.path("summary").asString()).as("summary of " + method + " " + path).isNotBlank();
        }));
        JsonNode schemas = docs.path("components").path("schemas");
        for (String schema : SCHEMAS_WITH_EXAMPLES) {
            assertThat(schemas.path(schema).has("example")).as("example of " + schema).isTrue();
        }
        assertThat(docs.path("paths").path("/api/v1/opportunities").path("post").path("parameters").toString())
                .contains("Idempotency-Key");
        assertThat(docs.path("paths").path("/api/v1/opportunities/{id}/win").path("post").path("responses")
                .path("200").path("content").path("application/json").path("examples").has("won")).isTrue();
        assertThat(docs.path("paths").path("/api/v1/forecast").path("get").path("parameters").toString())
                .contains("2026-Q4");
    }
}
