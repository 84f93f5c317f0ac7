package io.channelops.identity.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.channelops.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys as a {@link JWKSource}: what it publishes (and what verifies tokens) is the active key plus
 * retired keys whose tokens may still be valid; {@link #activeKeySource()} holds only the active private key, the
 * one that signs.
 */
@Service
public class SigningKeyService implements JWKSource<SecurityContext> {

    /** A retired key stays published this much longer than the access-token lifetime (clock skew). */
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public SigningKeyService(SigningKeys keys, IdentityProperties properties, Clock clock,
            TransactionTemplate platformTransactionTemplate) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.transactions = platformTransactionTemplate;
    }

    /** Creates the first key if there is none. */
    @Transactional
    public SigningKey ensureActiveKey() {
        List<SigningKey> active = keys.findAllByStatus(SigningKey.Status.ACTIVE);
        if (!active.isEmpty()) {
            return active.getFirst();
        }
        return keys.save(SigningKey.generate(Instant.now(clock)));
    }

    /** A new active key; the old one is retired but stays published until its tokens have expired. */
    @Transactional
    public SigningKey rotate() {
        Instant now = Instant.now(clock);
        for (SigningKey old : keys.findAllByStatus(SigningKey.Status.ACTIVE)) {
            old.retire(now.plus(properties.accessTokenTtl()).plus(SKEW));
        }
        keys.flush();
        return keys.save(SigningKey.generate(now));
    }

    @Transactional(readOnly = true)
    public List<SigningKey> published() {
        Instant now = Instant.now(clock);
        return keys.findAllByOrderByCreatedAtDesc().stream().filter(k -> k.isPublished(now))
                .sorted((a, b) -> a.status() == b.status() ? b.createdAt().compareTo(a.createdAt())
                        : a.status() == SigningKey.Status.ACTIVE ? -1 : 1)
                .toList();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<SigningKey> published = transactions.execute(status -> published());
        List<JWK> jwks = published == null ? List.of()
                : published.stream().<JWK>map(k -> new RSAKey.Builder(k.rsaPublicKey()).keyID(k.kid())
                        .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toList();
        return selector.select(new JWKSet(jwks));
    }

    /** The key that signs new tokens, with its private part. */
    public JWKSource<SecurityContext> activeKeySource() {
        return (selector, context) -> {
            SigningKey active = transactions.execute(status -> {
                List<SigningKey> found = keys.findByStatusOrderByCreatedAtDesc(SigningKey.Status.ACTIVE);
                return found.isEmpty() ? ensureActiveKey() : found.getFirst();
            });
            if (active == null) {
                return List.of();
            }
            RSAKey key = new RSAKey.Builder(active.rsaPublicKey()).privateKey(active.rsaPrivateKey())
                    .keyID(active.kid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return selector.select(new JWKSet(key));
        };
    }
}
