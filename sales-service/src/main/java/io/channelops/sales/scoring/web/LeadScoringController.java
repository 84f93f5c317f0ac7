package io.channelops.sales.scoring.web;

import io.channelops.sales.scoring.RescoreJob;
import io.channelops.sales.scoring.ScoringService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.channelops.platform.web.ETags;

/**
 * {@code /api/v1/lead-scoring}: scoring rules, band thresholds and rescore jobs. Company-wide configuration, every
 * endpoint needs {@code sales:configure}. Every change starts a background rescore of all open leads, answered as a
 * job to poll.
 */
@RestController
@RequestMapping("/api/v1/lead-scoring")
@Tag(name = "Lead scoring", description = "Scoring rules, bands and background rescoring")
@Validated
class LeadScoringController {

    private final ScoringService scoring;

    LeadScoringController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "List the scoring rules", description = "Every rule, active or not, oldest first.")
    List<ScoringRuleResponse> rules() {
        return scoring.rules().stream().map(ScoringRuleResponse::of).toList();
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Create a scoring rule", description = """
            A FIELD condition or a BEHAVIOUR signal type worth points (negative allowed), with optional weekly \
            decay in points and, for signals, a cap on how many count. 422 INVALID_SCORING_RULE when the parts do \
            not fit the kind, field or operator. Starts a background rescore of every open lead (rescoreJob).""")
    ResponseEntity<RuleChangeResponse> create(@Valid @RequestBody ScoringRuleRequest request) {
        ScoringService.RuleChange change = scoring.create(request.name(), request.toDefinition(),
                request.activeOrDefault());
        return ResponseEntity.created(URI.create("/api/v1/lead-scoring/rules/" + change.rule().id()))
                .eTag(ETags.of(change.rule().version()))
                .body(new RuleChangeResponse(ScoringRuleResponse.of(change.rule()), RescoreJobResponse.of(change.job())));
    }

    @GetMapping("/rules/{id}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Read a scoring rule")
    ResponseEntity<ScoringRuleResponse> rule(@PathVariable String id) {
        var rule = scoring.rule(id);
        return ResponseEntity.ok().eTag(ETags.of(rule.version())).body(ScoringRuleResponse.of(rule));
    }

    @PutMapping("/rules/{id}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Replace a scoring rule", description = """
            Requires the rule's ETag in If-Match. Starts a background rescore of every open lead (rescoreJob).""")
    ResponseEntity<RuleChangeResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ScoringRuleRequest request) {
        ScoringService.RuleChange change = scoring.change(id, ifMatch, request.name(), request.toDefinition(),
                request.activeOrDefault());
        return ResponseEntity.ok().eTag(ETags.of(change.rule().version()))
                .body(new RuleChangeResponse(ScoringRuleResponse.of(change.rule()), RescoreJobResponse.of(change.job())));
    }

    @DeleteMapping("/rules/{id}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Delete a scoring rule", description = """
            Answers 202 with the background rescore the deletion started (Location: the job).""")
    ResponseEntity<RescoreJobResponse> delete(@PathVariable String id) {
        return accepted(scoring.delete(id));
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Band thresholds", description = "HOT at or above hotThreshold, WARM at or above "
            + "warmThreshold, else COLD; defaults 60 and 30.")
    ScoringSettingsResponse settings() {
        return ScoringSettingsResponse.of(scoring.settings(), null);
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Change the band thresholds", description = """
            warmThreshold must be lower than hotThreshold (422 INVALID_BAND_THRESHOLDS). Starts a background \
            rescore of every open lead so bands follow (rescoreJob).""")
    ScoringSettingsResponse changeSettings(@Valid @RequestBody ScoringSettingsRequest request) {
        ScoringService.SettingsChange change = scoring.changeSettings(request.hotThreshold(),
                request.warmThreshold());
        return ScoringSettingsResponse.of(change.settings(), RescoreJobResponse.of(change.job()));
    }

    @PostMapping("/rescore-jobs")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Rescore every open lead", description = "Answers 202 with the job to poll.")
    ResponseEntity<RescoreJobResponse> rescore(@Valid @RequestBody RescoreRequest request) {
        return accepted(scoring.requestRescore(request.reason().strip()));
    }

    @GetMapping("/rescore-jobs")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Recent rescore jobs", description = "Newest first.")
    List<RescoreJobResponse> jobs(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return scoring.recentJobs(limit).stream().map(RescoreJobResponse::of).toList();
    }

    @GetMapping("/rescore-jobs/{id}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "A rescore job", description = "PENDING until every open lead carries the job's rule-set "
            + "version, then DONE; SUPERSEDED when a later change's job took over.")
    RescoreJobResponse job(@PathVariable String id) {
        return RescoreJobResponse.of(scoring.job(id));
    }

    private static ResponseEntity<RescoreJobResponse> accepted(RescoreJob job) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/lead-scoring/rescore-jobs/" + job.id()))
                .body(RescoreJobResponse.of(job));
    }
}
