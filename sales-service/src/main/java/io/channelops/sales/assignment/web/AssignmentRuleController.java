package io.channelops.sales.assignment.web;

import io.channelops.platform.web.ETags;
import io.channelops.sales.assignment.AssignmentRule;
import io.channelops.sales.assignment.AssignmentService;
import io.channelops.sales.assignment.AssignmentStrategy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/lead-assignment-rules}: how new leads without an owner are routed. Company-wide configuration;
 * every endpoint needs {@code sales:configure}.
 */
@RestController
@RequestMapping("/api/v1/lead-assignment-rules")
@Tag(name = "Lead assignment", description = "Routing of new unowned leads by region")
class AssignmentRuleController {

    private final AssignmentService assignment;

    AssignmentRuleController(AssignmentService assignment) {
        this.assignment = assignment;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "List the assignment rules", description = "By region code.")
    List<AssignmentRuleResponse> rules() {
        return assignment.rules().stream().map(this::response).toList();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Create an assignment rule", description = """
            One rule per region (409 ASSIGNMENT_RULE_EXISTS). FIXED_USER needs an active user of the team (422 \
            UNKNOWN_ASSIGNEE / INVALID_ASSIGNMENT_RULE). A team without active reps leaves its leads in the team's \
            queue.""")
    ResponseEntity<AssignmentRuleResponse> create(@Valid @RequestBody AssignmentRuleRequest request) {
        AssignmentRule rule = assignment.create(request.toDefinition());
        return ResponseEntity.created(URI.create("/api/v1/lead-assignment-rules/" + rule.id()))
                .eTag(ETags.of(rule.version())).body(response(rule));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Read an assignment rule")
    ResponseEntity<AssignmentRuleResponse> rule(@PathVariable String id) {
        AssignmentRule rule = assignment.rule(id);
        return ResponseEntity.ok().eTag(ETags.of(rule.version())).body(response(rule));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Change an assignment rule", description = """
            Requires the rule's ETag in If-Match. The region cannot change (422 ASSIGNMENT_REGION_FIXED).""")
    ResponseEntity<AssignmentRuleResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AssignmentRuleRequest request) {
        AssignmentRule rule = assignment.change(id, ifMatch, request.toDefinition());
        return ResponseEntity.ok().eTag(ETags.of(rule.version())).body(response(rule));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Delete an assignment rule", description = "New leads of its region then go to the queue "
            + "(or to the * rule).")
    ResponseEntity<Void> delete(@PathVariable String id) {
        assignment.delete(id);
        return ResponseEntity.noContent().build();
    }

    private AssignmentRuleResponse response(AssignmentRule rule) {
        return AssignmentRuleResponse.of(rule, rule.strategy() == AssignmentStrategy.ROUND_ROBIN
                ? assignment.activeReps(rule.teamPath()) : List.of());
    }
}
