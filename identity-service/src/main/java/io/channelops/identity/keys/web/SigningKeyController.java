package io.channelops.identity.keys.web;

import io.channelops.identity.keys.SigningKey;
import io.channelops.identity.keys.SigningKeyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/signing-keys}: the published keys, and rotation. */
@RestController
@RequestMapping("/api/v1/admin/signing-keys")
@Tag(name = "Signing keys", description = "RS256 keys that sign access tokens")
class SigningKeyController {

    /** A published key (never its private part). */
    record SigningKeyResponse(String kid, String status, Instant createdAt, @Nullable Instant retireAfter) {

        static SigningKeyResponse of(SigningKey key) {
            return new SigningKeyResponse(key.kid(), key.status().name(), key.createdAt(), key.retireAfter());
        }
    }

    private final SigningKeyService keys;

    SigningKeyController(SigningKeyService keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(summary = "List the published signing keys")
    List<SigningKeyResponse> list() {
        return keys.published().stream().map(SigningKeyResponse::of).toList();
    }

    @PostMapping("/rotate")
    @Operation(summary = "Rotate the signing key",
            description = "New tokens are signed with a new key; the old one stays in the JWKS until its tokens expire.")
    SigningKeyResponse rotate() {
        return SigningKeyResponse.of(keys.rotate());
    }
}
