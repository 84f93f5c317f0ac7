package io.channelops.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every ownership, pool and case operation is in the OpenAPI document with a description and an example. */
@ServiceIntegrationTest
class OwnershipAndCasesApiDocsIT {

    private static final List<String> OPERATIONS = List.of(
            "post /api/v1/customers/assignments",
            "post /api/v1/customers/assignments/transfer-owner",
            "get /api/v1/customers/{id}/assignments",
            "get /api/v1/customers/pool",
            "post /api/v1/customers/{id}/claim",
            "post /api/v1/customers/{id}/release-to-pool",
            "post /api/v1/customers/{customerId}/cases",
            "get /api/v1/cases",
            "get /api/v1/cases/breached",
            "get /api/v1/cases/{id}",
            "post /api/v1/cases/{id}/assign",
            "post /api/v1/cases/{id}/start",
            "post /api/v1/cases/{id}/resolve",
            "post /api/v1/cases/{id}/reopen",
            "post /api/v1/cases/{id}/close",
            "post /api/v1/cases/{id}/comments",
            "get /api/v1/cases/{id}/history");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void everyOperationHasASummaryADescriptionAndExamples() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        List<String> missing = new ArrayList<>();
        for (String operation : OPERATIONS) {
            String[] parts = operation.split(" ");
            JsonNode op = docs.path("paths").path(parts[1]).path(parts[0]);
            if (op.isMissingNode()) {
                missing.add(operation + ": not documented");
                continue;
            }
            if (op.path("summary").asString("").isBlank() || op.path("description").asString("").isBlank()) {
                missing.add(operation + ": no summary or description");
            }
            if (!op.path("requestBody").isMissingNode() && !hasExample(docs, op.path("requestBody"))) {
                missing.add(operation + ": request without example");
            }
            boolean responseExample = false;
            for (JsonNode response : op.path("responses")) {
                responseExample |= hasExample(docs, response);
            }
            if (!responseExample) {
                missing.add(operation + ": no response example");
            }
        }
        assertThat(missing).isEmpty();
    }

    /** A body (request or response) with an example of its own or on the schema it refers to. */
    private static boolean hasExample(JsonNode docs, JsonNode body) {
        for (JsonNode media : body.path("content")) {
            if (media.has("example") || media.has("examples")) {
                return true;
            }
            JsonNode schema = media.path("schema");
            String ref = schema.path("$ref").asString("");
            if (schema.has("example") || !ref.isEmpty() && docs.path("components").path("schemas")
                    .path(ref.substring(ref.lastIndexOf('/') + 1)).has("example")) {
                return true;
            }
        }
        return false;
    }
}
