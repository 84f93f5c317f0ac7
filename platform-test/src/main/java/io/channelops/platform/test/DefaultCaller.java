package io.channelops.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * MockMvc requests without an {@code Authorization} header of their own run as {@link Callers#DEFAULT}, with a token
 * minted for each request: a Spring context outlives a token (15 minutes) when the tests sharing it run long.
 */
@TestConfiguration(proxyBeanMethods = false)
class DefaultCaller {

    @Bean
    MockMvcBuilderCustomizer defaultCallerToken() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            if (request.getHeader("Authorization") == null) {
                request.addHeader("Authorization", Callers.DEFAULT.bearer());
            }
            return request;
        }));
    }
}
