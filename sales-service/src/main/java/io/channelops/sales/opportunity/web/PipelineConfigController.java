package io.channelops.sales.opportunity.web;

import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.sales.opportunity.LossReason;
import io.channelops.sales.opportunity.PipelineConfigService;
import io.channelops.sales.opportunity.PipelineStage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pipeline/stages} and {@code /api/v1/pipeline/loss-reason-codes}: the pipeline's configuration.
 * Everyone who works with opportunities (or configures them) reads it; administrators ({@code sales:configure})
 * change it. Nothing is deleted, only deactivated. Company-wide settings: no data scope applies.
 */
@RestController
@RequestMapping("/api/v1/pipeline")
@Tag(name = "Pipeline configuration", description = "Stages and loss reasons of the sales pipeline")
class PipelineConfigController {

    private final PipelineConfigService config;

    PipelineConfigController(PipelineConfigService config) {
        this.config = config;
    }

    @GetMapping("/stages")
    @PreAuthorize("hasAnyAuthority('opportunities:read', 'sales:configure')")
    @Operation(summary = "List the pipeline's stages", description = "Every stage, active or not, in pipeline "
            + "order, in one page.")
    PageResponse<StageResponse> stages() {
        return all(config.stages().stream().map(StageResponse::of).toList());
    }

    @GetMapping("/stages/{code}")
    @PreAuthorize("hasAnyAuthority('opportunities:read', 'sales:configure')")
    @Operation(summary = "Read a stage")
    ResponseEntity<StageResponse> stage(@PathVariable String code) {
        return withETag(config.stage(code));
    }

    @PostMapping("/stages")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Add a stage", description = "Codes are stored in upper case and are unique (409 "
            + "STAGE_CODE_TAKEN). An open stage needs a probability (422 STAGE_PROBABILITY_REQUIRED); won and lost "
            + "stages have 100 and 0 (422 STAGE_PROBABILITY_FIXED) and no stall threshold (422 "
            + "STALL_DAYS_ONLY_FOR_OPEN_STAGES). Send an Idempotency-Key to make retries safe.")
    ResponseEntity<StageResponse> createStage(@Valid @RequestBody StageRequest request,
            @Parameter(description = "Makes a retried create return the first result", example = "stage-tr-1")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        PipelineStage stage = config.createStage(request.toNewStage());
        return ResponseEntity.created(URI.create("/api/v1/pipeline/stages/" + stage.code()))
                .eTag(ETags.of(stage.version())).body(StageResponse.of(stage));
    }

    @PatchMapping("/stages/{code}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Change a stage", description = "Name, default probability, stall threshold, order, "
            + "active. Requires the stage's ETag in If-Match. Deactivating the last active stage of its kind answers "
            + "422 LAST_STAGE_OF_KIND.")
    ResponseEntity<StageResponse> changeStage(@PathVariable String code,
            @Parameter(description = "The stage's ETag", example = "\"0\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody StageChangeRequest request) {
        return withETag(config.changeStage(code, ifMatch, request.toUpdate()));
    }

    @GetMapping("/loss-reason-codes")
    @PreAuthorize("hasAnyAuthority('opportunities:read', 'sales:configure')")
    @Operation(summary = "List the loss reasons", description = "Every reason, active or not, in order, in one page. "
            + "A deal is lost for an active one.")
    PageResponse<LossReasonResponse> lossReasons() {
        return all(config.lossReasons().stream().map(LossReasonResponse::of).toList());
    }

    @GetMapping("/loss-reason-codes/{code}")
    @PreAuthorize("hasAnyAuthority('opportunities:read', 'sales:configure')")
    @Operation(summary = "Read a loss reason")
    ResponseEntity<LossReasonResponse> lossReason(@PathVariable String code) {
        return withETag(config.lossReason(code));
    }

    @PostMapping("/loss-reason-codes")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Add a loss reason", description = "Codes are stored in upper case and are unique (409 "
            + "LOSS_REASON_CODE_TAKEN). Send an Idempotency-Key to make retries safe.")
    ResponseEntity<LossReasonResponse> createLossReason(@Valid @RequestBody LossReasonRequest request,
            @Parameter(description = "Makes a retried create return the first result", example = "reason-dt-1")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        LossReason reason = config.createLossReason(request.toNewLossReason());
        return ResponseEntity.created(URI.create("/api/v1/pipeline/loss-reason-codes/" + reason.code()))
                .eTag(ETags.of(reason.version())).body(LossReasonResponse.of(reason));
    }

    @PatchMapping("/loss-reason-codes/{code}")
    @PreAuthorize("hasAuthority('sales:configure')")
    @Operation(summary = "Change a loss reason", description = "Name, order, active. Requires the reason's ETag in "
            + "If-Match. Deactivating the last active reason answers 422 LAST_LOSS_REASON.")
    ResponseEntity<LossReasonResponse> changeLossReason(@PathVariable String code,
            @Parameter(description = "The loss reason's ETag", example = "\"0\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody LossReasonChangeRequest request) {
        return withETag(config.changeLossReason(code, ifMatch, request.toUpdate()));
    }

    private static <T> PageResponse<T> all(List<T> items) {
        return PageResponse.of(new PageImpl<>(items), item -> item);
    }

    private static ResponseEntity<StageResponse> withETag(PipelineStage stage) {
        return ResponseEntity.ok().eTag(ETags.of(stage.version())).body(StageResponse.of(stage));
    }

    private static ResponseEntity<LossReasonResponse> withETag(LossReason reason) {
        return ResponseEntity.ok().eTag(ETags.of(reason.version())).body(LossReasonResponse.of(reason));
    }
}
