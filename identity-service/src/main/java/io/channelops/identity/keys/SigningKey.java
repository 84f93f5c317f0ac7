package io.channelops.identity.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An RS256 key pair (public X.509 and private PKCS#8, base64). A local demo keeps the private key in the database;
 * production keeps it in a secret store. A retired key stays published until {@code retireAfter}.
 */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    /** ACTIVE signs new tokens; RETIRED only verifies tokens it signed earlier. */
    public enum Status {
        ACTIVE, RETIRED
    }

    @Id
    private String kid;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(name = "private_key", nullable = false)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "retire_after")
    private @Nullable Instant retireAfter;

    protected SigningKey() {
        // for JPA
        this.kid = "";
        this.publicKey = "";
        this.privateKey = "";
        this.createdAt = Instant.EPOCH;
        this.status = Status.RETIRED;
    }

    private SigningKey(KeyPair pair, Instant now) {
        this.kid = UUID.randomUUID().toString();
        this.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        this.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        this.createdAt = now;
        this.status = Status.ACTIVE;
    }

    static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(generator.generateKeyPair(), now);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Stops signing with this key; it stays published until {@code publishedUntil}. */
    void retire(Instant publishedUntil) {
        this.status = Status.RETIRED;
        this.retireAfter = publishedUntil;
    }

    /** Whether tokens signed by this key may still be valid at {@code now}. */
    boolean isPublished(Instant now) {
        return status == Status.ACTIVE || (retireAfter != null && retireAfter.isAfter(now));
    }

    RSAPublicKey rsaPublicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        }
        catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
            throw new IllegalStateException("Unreadable public key " + kid, ex);
        }
    }

    RSAPrivateKey rsaPrivateKey() {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        }
        catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
            throw new IllegalStateException("Unreadable private key " + kid, ex);
        }
    }

    public String kid() {
        return kid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public @Nullable Instant retireAfter() {
        return retireAfter;
    }
}
