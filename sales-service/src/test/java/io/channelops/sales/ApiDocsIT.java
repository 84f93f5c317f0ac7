package io.channelops.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI 3.1 document the gateway aggregates. */
@ServiceIntegrationTest
class ApiDocsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void publishesOpenApi31WithEveryEndpoint() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(org.hamcrest.Matchers.startsWith("3.1")))
                .andExpect(jsonPath("$.paths['/api/v1/products'].post.summary").value("Create a product"))
                .andExpect(jsonPath("$.paths['/api/v1/products'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/products/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/products/{id}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/products/{id}/discontinue'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/prices/effective'].get.parameters[?(@.name == 'productId')]")
                        .exists());
    }

    @Test
    void isServedWithoutATokenAndDeclaresTheChannelOpsOAuth2Scheme() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /v3/api-docs without a token").isEqualTo(200);
        JsonNode docs = json.readTree(response.body());
        JsonNode scheme = docs.path("components").path("securitySchemes").path("channelops");
        assertThat(scheme.path("type").asString()).isEqualTo("oauth2");
        assertThat(scheme.path("flows").path("clientCredentials").path("tokenUrl").asString())
                .endsWith("/oauth2/token");
        assertThat(scheme.path("flows").path("authorizationCode").path("authorizationUrl").asString())
                .endsWith("/oauth2/authorize");
        assertThat(docs.path("security").path(0).has("channelops"))
                .as("every operation needs the channelops token").isTrue();
    }
}
