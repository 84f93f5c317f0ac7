package io.channelops.identity.client.web;

import io.channelops.identity.client.ClientService;
import io.channelops.identity.client.ClientService.ClientType;
import io.channelops.identity.client.ClientService.ClientView;
import io.channelops.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/clients}: register OAuth2 clients and rotate their secrets. */
@RestController
@RequestMapping("/api/v1/admin/clients")
@Tag(name = "OAuth2 clients", description = "Integration and front-end clients (ADMIN)")
class ClientController {

    /**
     * A new client. CONFIDENTIAL: client credentials, {@code scopes} and {@code orgPath} required. PUBLIC:
     * authorization code + PKCE, {@code redirectUris} required.
     */
    record ClientRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,99}") String clientId,
            @NotBlank @Size(max = 200) String name, @NotNull ClientType type,
            @Nullable Set<@Pattern(regexp = "[a-z][a-z0-9:._-]{0,63}") String> scopes,
            @Nullable @Size(max = 512) String orgPath,
            @Nullable Set<@Pattern(regexp = "https?://[^\\s]{1,300}") String> redirectUris) {
    }

    /** A client on the wire; {@code clientSecret} only right after it was created or rotated. */
    record ClientResponse(String clientId, String name, ClientType type, Set<String> scopes,
            Set<String> redirectUris, @Nullable String orgPath, @Nullable String clientSecret) {

        static ClientResponse of(ClientView view) {
            return new ClientResponse(view.clientId(), view.name(), view.type(), view.scopes(), view.redirectUris(),
                    view.orgPath(), view.clientSecret());
        }
    }

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @PostMapping
    @Operation(summary = "Register a client", description = "A confidential client's secret is returned once.")
    ResponseEntity<ClientResponse> register(@Valid @RequestBody ClientRequest request) {
        Set<String> scopes = request.scopes() == null ? Set.of() : request.scopes();
        ClientView client;
        if (request.type() == ClientType.CONFIDENTIAL) {
            if (scopes.isEmpty() || request.orgPath() == null) {
                throw ApiProblem.badRequest("CLIENT_SCOPES_AND_ORG_PATH_REQUIRED",
                        "A confidential client needs scopes and an orgPath");
            }
            client = clients.registerConfidential(request.clientId(), request.name(), scopes, request.orgPath(),
                    null);
        }
        else {
            if (request.redirectUris() == null || request.redirectUris().isEmpty()) {
                throw ApiProblem.badRequest("CLIENT_REDIRECT_URIS_REQUIRED", "A public client needs redirectUris");
            }
            client = clients.registerPublic(request.clientId(), request.name(), request.redirectUris(), scopes);
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/clients/" + client.clientId()))
                .body(ClientResponse.of(client));
    }

    @GetMapping
    @Operation(summary = "List clients")
    List<ClientResponse> list() {
        return clients.list().stream().map(ClientResponse::of).toList();
    }

    @GetMapping("/{clientId}")
    @Operation(summary = "Read a client")
    ClientResponse get(@PathVariable String clientId) {
        return ClientResponse.of(clients.get(clientId));
    }

    @PostMapping("/{clientId}/rotate-secret")
    @Operation(summary = "Rotate a confidential client's secret", description = "The new secret is returned once.")
    ClientResponse rotateSecret(@PathVariable String clientId) {
        return ClientResponse.of(clients.rotateSecret(clientId));
    }
}
