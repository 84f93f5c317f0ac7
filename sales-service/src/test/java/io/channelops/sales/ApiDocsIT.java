package io.channelops.sales;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI 3.1 document the gateway aggregates. */
@ServiceIntegrationTest
class ApiDocsIT {

    @Autowired
    MockMvc mvc;

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
}
