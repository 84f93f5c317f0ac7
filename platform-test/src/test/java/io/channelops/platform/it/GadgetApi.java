package io.channelops.platform.it;

import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.PageResponse;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The gadget API: every operation behind a permission, every read through the data scope. */
final class GadgetApi {

    private GadgetApi() {
    }

    record GadgetRequest(@NotBlank String name, @NotNull BigDecimal amount) {
    }

    record AssignRequest(@NotBlank String ownerId) {
    }

    record GadgetResponse(String id, String name, BigDecimal amount, String ownerId, String orgPath) {
        static GadgetResponse of(Gadget g) {
            return new GadgetResponse(g.id(), g.name(), g.amount(), g.ownership().ownerId(), g.ownership().orgPath());
        }
    }

    record Total(BigDecimal amount, long count) {
    }

    @RestController
    @RequestMapping("/api/v1/gadgets")
    static class GadgetController {

        private final GadgetRepository gadgets;
        private final DataScope scope;
        private final JdbcTemplate jdbc;

        GadgetController(GadgetRepository gadgets, DataScope scope, JdbcTemplate jdbc) {
            this.gadgets = gadgets;
            this.scope = scope;
            this.jdbc = jdbc;
        }

        @PostMapping
        @PreAuthorize("hasAuthority('customers:write')")
        ResponseEntity<GadgetResponse> create(@Valid @RequestBody GadgetRequest request) {
            Gadget gadget = gadgets.save(new Gadget(request.name(), request.amount(), scope.forNewRecord()));
            return ResponseEntity.created(URI.create("/api/v1/gadgets/" + gadget.id())).body(GadgetResponse.of(gadget));
        }

        @GetMapping("/{id}")
        @PreAuthorize("hasAuthority('customers:read')")
        GadgetResponse get(@PathVariable String id) {
            return GadgetResponse.of(scope.visible(gadgets.findById(id), Gadget::ownership, "gadget", id));
        }

        @GetMapping
        @PreAuthorize("hasAuthority('customers:read')")
        PageResponse<GadgetResponse> list() {
            return PageResponse.of(gadgets.findAll(scope.<Gadget>specification(),
                    PageRequest.of(0, 200, Sort.by("id"))), GadgetResponse::of);
        }

        /** A sum and a count over the same scope as the list. */
        @GetMapping("/total")
        @PreAuthorize("hasAuthority('customers:read')")
        Total total() {
            DataScope.Sql where = scope.sql("owner_id", "org_path");
            return jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM gadgets WHERE "
                    + where.condition(), (rs, n) -> new Total(rs.getBigDecimal(1), rs.getLong(2)),
                    where.args().toArray());
        }

        @PostMapping("/{id}/assign")
        @PreAuthorize("hasAuthority('customers:assign')")
        @Transactional
        public GadgetResponse assign(@PathVariable String id, @Valid @RequestBody AssignRequest request) {
            Gadget gadget = scope.visible(gadgets.findById(id), Gadget::ownership, "gadget", id);
            gadget.reassign(scope.reassignTo(request.ownerId()));
            return GadgetResponse.of(gadgets.save(gadget));
        }

        List<Gadget> all() {
            return gadgets.findAll();
        }
    }
}
