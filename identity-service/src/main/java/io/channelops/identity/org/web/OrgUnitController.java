package io.channelops.identity.org.web;

import io.channelops.identity.org.OrgUnit;
import io.channelops.identity.org.OrgUnitService;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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

/** {@code /api/v1/admin/org-units}: create, read, rename and move org units. */
@RestController
@RequestMapping("/api/v1/admin/org-units")
@Tag(name = "Org units", description = "The org tree (ADMIN)")
class OrgUnitController {

    private static final Set<String> SORTS = Set.of("path", "name", "code", "createdAt");

    /** A new org unit; {@code parentId} null only for the root. */
    record OrgUnitRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String code,
            @NotBlank @Size(max = 200) String name, @Nullable @Size(max = 36) String parentId) {
    }

    /** A rename. */
    record OrgUnitRename(@NotBlank @Size(max = 200) String name) {
    }

    /** A move under a new parent. */
    record OrgUnitMove(@NotBlank @Size(max = 36) String parentId) {
    }

    /** An org unit on the wire. */
    record OrgUnitResponse(String id, String code, String name, @Nullable String parentId, String path,
            Instant createdAt, Instant updatedAt) {

        static OrgUnitResponse of(OrgUnit unit) {
            return new OrgUnitResponse(unit.id(), unit.code(), unit.name(), unit.parentId(), unit.path(),
                    unit.createdAt(), unit.updatedAt());
        }
    }

    private final OrgUnitService units;

    OrgUnitController(OrgUnitService units) {
        this.units = units;
    }

    @PostMapping
    @Operation(summary = "Create an org unit")
    ResponseEntity<OrgUnitResponse> create(@Valid @RequestBody OrgUnitRequest request) {
        OrgUnit unit = units.create(request.code(), request.name(), request.parentId());
        return ResponseEntity.created(URI.create("/api/v1/admin/org-units/" + unit.id()))
                .eTag(ETags.of(unit.version())).body(OrgUnitResponse.of(unit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an org unit")
    ResponseEntity<OrgUnitResponse> get(@PathVariable String id) {
        OrgUnit unit = units.get(id);
        return ResponseEntity.ok().eTag(ETags.of(unit.version())).body(OrgUnitResponse.of(unit));
    }

    @GetMapping
    @Operation(summary = "List org units", description = "Sorted by path: a depth-first walk of the tree.")
    PageResponse<OrgUnitResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "") String sort) {
        return PageResponse.of(units.list(Paging.pageable(page, size, sort, Sort.by("path"), SORTS)),
                OrgUnitResponse::of);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename an org unit", description = "Requires the unit's ETag in If-Match.")
    ResponseEntity<OrgUnitResponse> rename(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody OrgUnitRename request) {
        OrgUnit unit = units.rename(id, ifMatch, request.name());
        return ResponseEntity.ok().eTag(ETags.of(unit.version())).body(OrgUnitResponse.of(unit));
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move an org unit and its subtree under another parent")
    ResponseEntity<OrgUnitResponse> move(@PathVariable String id, @Valid @RequestBody OrgUnitMove request) {
        OrgUnit unit = units.move(id, request.parentId());
        return ResponseEntity.ok().eTag(ETags.of(unit.version())).body(OrgUnitResponse.of(unit));
    }
}
