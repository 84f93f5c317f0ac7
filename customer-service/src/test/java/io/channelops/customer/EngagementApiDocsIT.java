package io.channelops.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document describes every contact, activity and task endpoint, with examples. */
@ServiceIntegrationTest
class EngagementApiDocsIT {

    private static final Map<String, List<String>> OPERATIONS = Map.of(
            "/api/v1/customers/{customerId}/contacts", List.of("get", "post"),
            "/api/v1/customers/{customerId}/contacts/{contactId}", List.of("get", "patch", "delete"),
            "/api/v1/customers/{customerId}/contacts/{contactId}/make-primary", List.of("post"),
            "/api/v1/customers/{customerId}/activities", List.of("get", "post"),
            "/api/v1/activities", List.of("get"),
            "/api/v1/activities/{id}", List.of("get", "patch"),
            "/api/v1/tasks", List.of("get", "post"),
            "/api/v1/tasks/{id}", List.of("get", "patch"),
            "/api/v1/tasks/{id}/complete", List.of("post"),
            "/api/v1/tasks/{id}/cancel", List.of("post"));

    private static final List<String> LISTS = List.of("/api/v1/tasks/overdue", "/api/v1/tasks/due-today",
            "/api/v1/tasks/neglected-customers");

    private static final Pattern REF = Pattern.compile("#/components/schemas/([A-Za-z0-9_]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void everyEngagementOperationHasADescriptionAndExamples() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "engagement-api-docs.json"),
                docs.toPrettyString());
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> all = new java.util.HashMap<>(OPERATIONS);
        LISTS.forEach(path -> all.put(path, List.of("get")));
        all.forEach((path, methods) -> {
            for (String method : methods) {
                JsonNode operation = docs.path("paths").path(path).path(method);
                String name = method.toUpperCase() + " " + path;
                if (operation.isMissingNode()) {
                    problems.add(name + " is not documented");
                    continue;
                }
                if (operation.path("summary").asString("").isBlank()
                        || operation.path("description").asString("").isBlank()) {
                    problems.add(name + " has no summary or description");
                }
                String text = operation.toString();
                boolean example = text.contains("\"example\"") || text.contains("\"examples\"");
                Matcher refs = REF.matcher(text);
                while (refs.find()) {
                    JsonNode schema = schemas.path(refs.group(1));
                    if (refs.group(1).matches("(Contact|Activity|Task|NeglectedCustomer)[A-Za-z]*(Request|Response)")) {
                        if (schema.path("example").isMissingNode()) {
                            problems.add(name + ": schema " + refs.group(1) + " has no example");
                        } else {
                            example = true;
                        }
                    }
                }
                if (!example) {
                    problems.add(name + " has no example");
                }
                if (method.equals("get") && operation.path("responses").path("200").path("content").path("*/*")
                        .path("schema").isMissingNode() && operation.path("responses").path("200").path("content")
                        .path("application/json").path("schema").isMissingNode()) {
                    problems.add(name + " has no response schema");
                }
                if (method.equals("post") && !path.contains("make-primary") && !path.endsWith("complete")
                        && !path.endsWith("cancel") && !text.contains("Idempotency-Key")) {
                    problems.add(name + " does not document Idempotency-Key");
                }
            }
        });
        assertThat(problems).isEmpty();
    }
}
