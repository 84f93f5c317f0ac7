package io.channelops.platform.security;

import io.channelops.platform.inbox.InboundEvents;
import io.channelops.platform.web.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes every service an OAuth2 resource server. Each request needs a bearer JWT signed by one of the issuer's
 * published RS256 keys, with the configured issuer and audience, not expired; anything else is a 401 problem. Open
 * without a token: health probes and the OpenAPI document. Metrics need {@code metrics:read}. Operations check
 * permissions with {@code @PreAuthorize("hasAuthority('customers:read')")} (403 without); records are filtered by
 * {@link DataScope}.
 *
 * <p>A service with its own filter chains (identity-service, the authorization server) keeps them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ChannelOpsSecurityAutoConfiguration {

    /** Paths served without a token. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/error");

    @Bean
    RolePolicy rolePolicy(SecurityProperties properties) {
        return new RolePolicy(properties.roles());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain channelOpsResourceServer(HttpSecurity http, ProblemResponses problems, RolePolicy policy)
            throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority("metrics:read")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(j -> j.jwtAuthenticationConverter(new CallerAuthentication.FromJwt(policy)))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    /**
     * RS256 only (so {@code alg: none} and HMAC tricks fail), keys from the issuer's JWKS (fetched on first use and
     * again when a token names an unknown key id), then issuer, expiry/not-before and audience.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder channelOpsJwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.audience()))));
        return decoder;
    }

    /** Permission before validation: see {@link PermissionsFirst}. */
    @Bean
    WebMvcConfigurer permissionsFirst() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PermissionsFirst());
            }
        };
    }

    @Bean
    UserDirectory userDirectory(JdbcTemplate jdbc) {
        return new UserDirectory(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "channelops.security.user-directory.enabled", havingValue = "true")
    UserDirectory.Listener userDirectoryListener(InboundEvents inbound, UserDirectory directory) {
        return new UserDirectory.Listener(inbound, directory);
    }

    @Bean
    DataScope dataScope(UserDirectory directory) {
        return new DataScope(directory);
    }

    @Bean
    ServiceToken serviceToken(SecurityProperties properties) {
        return new ServiceToken(properties);
    }

    @Bean
    TokenRelay tokenRelay(ServiceToken serviceToken) {
        return new TokenRelay(serviceToken);
    }

    /** Documents the bearer token (and where to get one) in every service's OpenAPI document. */
    @Bean
    OpenApiCustomizer bearerTokenDocs(SecurityProperties properties) {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes("channelops", new SecurityScheme()
                    .type(SecurityScheme.Type.OAUTH2)
                    .description("Access token from identity-service: authorization code + PKCE for front-end "
                            + "apps, client credentials for integration clients. Send it as "
                            + "'Authorization: Bearer <token>'.")
                    .flows(new OAuthFlows()
                            .authorizationCode(new OAuthFlow()
                                    .authorizationUrl(properties.issuer() + "/oauth2/authorize")
                                    .tokenUrl(properties.tokenUri())
                                    .refreshUrl(properties.tokenUri()))
                            .clientCredentials(new OAuthFlow().tokenUrl(properties.tokenUri()))));
            api.setSecurity(List.of(new SecurityRequirement().addList("channelops")));
        };
    }
}
