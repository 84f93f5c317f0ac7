package io.channelops.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI 3.1 document lists every finance endpoint with its summary. */
@ServiceIntegrationTest
class ApiDocsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void publishesOpenApi31WithEveryEndpoint() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(docs.get("openapi").asString()).startsWith("3.1");
        JsonNode paths = docs.get("paths");
        assertThat(paths.get("/api/v1/credit-accounts").get("post").get("summary").asString()).isNotBlank();
        assertThat(paths.get("/api/v1/credit-accounts/{customerId}").has("patch")).isTrue();
        assertThat(paths.get("/api/v1/credit-checks").get("post").get("summary").asString()).isNotBlank();
        assertThat(paths.get("/api/v1/invoices").has("get")).isTrue();
        assertThat(paths.get("/api/v1/invoices/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/v1/payments").get("post").get("parameters").toString())
                .contains("Idempotency-Key");
        assertThat(paths.get("/api/v1/payments/{id}").has("get")).isTrue();
    }
}
