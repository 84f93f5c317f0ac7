package io.channelops.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one public entry of ChannelOps: checks access tokens, routes {@code /api/v1/...} to the
 * services, gives every request an id, answers CORS, wraps each service in a circuit breaker and
 * serves one Swagger UI over all services' OpenAPI documents.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
