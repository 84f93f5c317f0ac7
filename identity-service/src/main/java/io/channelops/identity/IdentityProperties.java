package io.channelops.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channelops.identity.*}: the issuer URL, the audience every access token carries, token lifetimes and
 * the lock-out rule.
 */
@ConfigurationProperties("channelops.identity")
public record IdentityProperties(@DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("channelops") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("8h") Duration refreshTokenTtl,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration) {
}
