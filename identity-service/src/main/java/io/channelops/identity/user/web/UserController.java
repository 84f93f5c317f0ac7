package io.channelops.identity.user.web;

import io.channelops.identity.user.Role;
import io.channelops.identity.user.UserService;
import io.channelops.identity.user.UserService.UserView;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/users}: create, read, change, deactivate users and reset their passwords. */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Users", description = "User accounts (ADMIN)")
class UserController {

    private static final Set<String> SORTS = Set.of("username", "createdAt");

    /** A new user. */
    record UserRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,100}") String username,
            @NotBlank @Size(max = 200) String displayName, @NotBlank @Size(min = 12, max = 200) String password,
            @NotEmpty Set<Role> roles, @NotBlank @Size(max = 36) String orgUnitId) {
    }

    /** A change; absent fields stay as they are. */
    record UserChange(@Nullable @Size(min = 1) Set<Role> roles, @Nullable @Size(min = 1, max = 36) String orgUnitId,
            @Nullable @Size(min = 1, max = 200) String displayName) {
    }

    /** A user on the wire; never the password. */
    record UserResponse(String id, String username, String displayName, List<String> roles, String orgUnitId,
            String orgPath, boolean active, boolean locked, Instant createdAt, Instant updatedAt) {

        static UserResponse of(UserView view) {
            var u = view.user();
            return new UserResponse(u.id(), u.username(), u.displayName(), u.roleNames(), u.orgUnitId(),
                    view.orgPath(), u.active(), u.isLocked(Instant.now()), u.createdAt(), u.updatedAt());
        }
    }

    /** A generated temporary password, shown once. */
    record TemporaryPassword(String userId, String temporaryPassword) {
    }

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    @Operation(summary = "Create a user")
    ResponseEntity<UserResponse> create(@Valid @RequestBody UserRequest request) {
        UserView user = users.register(new UserService.Registration(request.username(), request.displayName(),
                request.password(), request.roles(), request.orgUnitId()));
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.user().id()))
                .eTag(ETags.of(user.user().version())).body(UserResponse.of(user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user")
    ResponseEntity<UserResponse> get(@PathVariable String id) {
        UserView user = users.get(id);
        return ResponseEntity.ok().eTag(ETags.of(user.user().version())).body(UserResponse.of(user));
    }

    @GetMapping
    @Operation(summary = "List users")
    PageResponse<UserResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "") String sort) {
        return PageResponse.of(users.list(Paging.pageable(page, size, sort, Sort.by("username"), SORTS)),
                UserResponse::of);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a user's roles, org unit or display name",
            description = "Requires the user's ETag in If-Match.")
    ResponseEntity<UserResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody UserChange request) {
        UserView user = users.change(id, ifMatch,
                new UserService.Change(request.roles(), request.orgUnitId(), request.displayName()));
        return ResponseEntity.ok().eTag(ETags.of(user.user().version())).body(UserResponse.of(user));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate a user", description = "They can no longer log in or refresh tokens.")
    ResponseEntity<UserResponse> deactivate(@PathVariable String id) {
        UserView user = users.deactivate(id);
        return ResponseEntity.ok().eTag(ETags.of(user.user().version())).body(UserResponse.of(user));
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "Reset a user's password", description = "Returns a temporary password, once.")
    TemporaryPassword resetPassword(@PathVariable String id) {
        return new TemporaryPassword(id, users.resetPassword(id));
    }
}
