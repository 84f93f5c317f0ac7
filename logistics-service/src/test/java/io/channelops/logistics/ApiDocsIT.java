package io.channelops.logistics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The service publishes an OpenAPI 3.1 document of its whole API. */
@ServiceIntegrationTest
class ApiDocsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void publishesEveryEndpointInItsOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(org.hamcrest.Matchers.startsWith("3.1")))
                .andExpect(jsonPath("$.paths['/api/v1/warehouses'].post.summary").value("Open a warehouse"))
                .andExpect(jsonPath("$.paths['/api/v1/warehouses/{id}/receipts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/stock'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/stock/movements'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/shipments'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/shipments/{id}/dispatch'].post").exists())
                .andExpect(jsonPath("$.components.schemas.ReceiptRequest.example").exists());
    }
}
