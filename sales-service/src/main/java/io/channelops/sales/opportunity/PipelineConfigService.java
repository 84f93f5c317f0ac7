package io.channelops.sales.opportunity;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline's configuration: its stages and loss reasons. Reading is for everyone who works with opportunities;
 * changing is an administrator's job ({@code sales:configure}). Stages and reasons are never deleted, only
 * deactivated, and at least one active stage of each kind (open, won, lost) and one active loss reason always remain.
 */
@Service
public class PipelineConfigService {

    private final PipelineStages stages;
    private final LossReasons reasons;
    private final Clock clock;

    public PipelineConfigService(PipelineStages stages, LossReasons reasons, Clock clock) {
        this.stages = stages;
        this.reasons = reasons;
        this.clock = clock;
    }

    /**
     * A new stage. {@code probability} is required for an open stage; a won stage is always 100 and a lost one 0.
     * {@code stallDays} applies to open stages only. A null {@code sortOrder} places the stage after the others of
     * its kind.
     */
    public record NewStage(String code, String name, StageKind kind, @Nullable Integer probability,
            @Nullable Integer stallDays, @Nullable Integer sortOrder) {
    }

    /** Changes of a stage; null leaves a value as it is, {@code clearStallDays} makes an open stage never stall. */
    public record StageUpdate(@Nullable String name, @Nullable Integer probability, @Nullable Integer stallDays,
            boolean clearStallDays, @Nullable Integer sortOrder, @Nullable Boolean active) {
    }

    /** A new loss reason; a null {@code sortOrder} places it last. */
    public record NewLossReason(String code, String name, @Nullable Integer sortOrder) {
    }

    /** Changes of a loss reason; null leaves a value as it is. */
    public record LossReasonUpdate(@Nullable String name, @Nullable Integer sortOrder, @Nullable Boolean active) {
    }

    /** Every stage, active or not, in pipeline order. */
    @Transactional(readOnly = true)
    public List<PipelineStage> stages() {
        return stages.findAllByOrderBySortOrderAscCodeAsc();
    }

    /** Every stage by code, in pipeline order. */
    @Transactional(readOnly = true)
    public Map<String, PipelineStage> stagesByCode() {
        Map<String, PipelineStage> byCode = new LinkedHashMap<>();
        stages().forEach(stage -> byCode.put(stage.code(), stage));
        return byCode;
    }

    @Transactional(readOnly = true)
    public PipelineStage stage(String code) {
        return stages.findById(code.toUpperCase(Locale.ROOT)).orElseThrow(() -> ApiProblem.notFound("stage", code));
    }

    @Transactional
    public PipelineStage createStage(NewStage request) {
        String code = request.code().strip().toUpperCase(Locale.ROOT);
        if (stages.existsById(code)) {
            throw ApiProblem.conflict("STAGE_CODE_TAKEN", "Stage " + code + " already exists", code);
        }
        int probability = probabilityOf(code, request.kind(), request.probability());
        Integer stallDays = stallDaysOf(code, request.kind(), request.stallDays());
        int sortOrder = request.sortOrder() != null ? request.sortOrder() : nextSortOrder(request.kind());
        PipelineStage stage = new PipelineStage(code, request.name().strip(), probability, request.kind(), stallDays,
                sortOrder, now());
        try {
            return stages.saveAndFlush(stage);
        } catch (DataIntegrityViolationException ex) {
            throw ApiProblem.conflict("STAGE_CODE_TAKEN", "Stage " + code + " already exists", code);
        }
    }

    @Transactional
    public PipelineStage changeStage(String code, @Nullable String ifMatch, StageUpdate change) {
        PipelineStage stage = stage(code);
        ETags.requireMatch(ifMatch, stage.version(), "stage", stage.code());
        if (change.probability() != null) {
            probabilityOf(stage.code(), stage.kind(), change.probability());
        }
        if (change.stallDays() != null) {
            stallDaysOf(stage.code(), stage.kind(), change.stallDays());
        }
        if (Boolean.FALSE.equals(change.active()) && stage.active() && stages().stream()
                .noneMatch(other -> other.active() && other.kind() == stage.kind()
                        && !other.code().equals(stage.code()))) {
            throw ApiProblem.unprocessable("LAST_STAGE_OF_KIND", "Stage " + stage.code() + " is the last active "
                    + stage.kind() + " stage", stage.code(), stage.kind());
        }
        stage.change(change.name() == null ? null : change.name().strip(), change.probability(), change.stallDays(),
                change.clearStallDays(), change.sortOrder(), change.active(), now());
        return stages.saveAndFlush(stage);
    }

    /** The active open stage first in order: where new opportunities start. */
    @Transactional(readOnly = true)
    public PipelineStage firstOpenStage() {
        return firstActive(StageKind.OPEN);
    }

    /** The active stage first in order of a closing kind: where won or lost opportunities go. */
    @Transactional(readOnly = true)
    public PipelineStage closingStage(StageKind kind) {
        return firstActive(kind);
    }

    /** An active open stage an opportunity can be moved to; 422 otherwise. */
    @Transactional(readOnly = true)
    public PipelineStage enterableOpenStage(String code) {
        PipelineStage stage = stages.findById(code.strip().toUpperCase(Locale.ROOT)).filter(PipelineStage::active)
                .orElseThrow(() -> ApiProblem.unprocessable("UNKNOWN_STAGE", "No active stage " + code
                        + " is configured", code));
        if (!stage.isOpen()) {
            throw ApiProblem.unprocessable("STAGE_NOT_OPEN", "Stage " + stage.code() + " closes an opportunity: use "
                    + "the win or lose action", stage.code());
        }
        return stage;
    }

    /** Every loss reason, active or not, in order. */
    @Transactional(readOnly = true)
    public List<LossReason> lossReasons() {
        return reasons.findAllByOrderBySortOrderAscCodeAsc();
    }

    @Transactional(readOnly = true)
    public LossReason lossReason(String code) {
        return reasons.findById(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiProblem.notFound("loss reason", code));
    }

    /** An active loss reason a deal can be lost for; 422 otherwise. */
    @Transactional(readOnly = true)
    public LossReason activeLossReason(String code) {
        return reasons.findById(code.strip().toUpperCase(Locale.ROOT)).filter(LossReason::active)
                .orElseThrow(() -> ApiProblem.unprocessable("UNKNOWN_LOSS_REASON", "No active loss reason " + code
                        + " is configured", code));
    }

    @Transactional
    public LossReason createLossReason(NewLossReason request) {
        String code = request.code().strip().toUpperCase(Locale.ROOT);
        if (reasons.existsById(code)) {
            throw ApiProblem.conflict("LOSS_REASON_CODE_TAKEN", "Loss reason " + code + " already exists", code);
        }
        int sortOrder = request.sortOrder() != null ? request.sortOrder()
                : lossReasons().stream().mapToInt(LossReason::sortOrder).max().orElse(0) + 10;
        try {
            return reasons.saveAndFlush(new LossReason(code, request.name().strip(), sortOrder, now()));
        } catch (DataIntegrityViolationException ex) {
            throw ApiProblem.conflict("LOSS_REASON_CODE_TAKEN", "Loss reason " + code + " already exists", code);
        }
    }

    @Transactional
    public LossReason changeLossReason(String code, @Nullable String ifMatch, LossReasonUpdate change) {
        LossReason reason = lossReason(code);
        ETags.requireMatch(ifMatch, reason.version(), "loss reason", reason.code());
        if (Boolean.FALSE.equals(change.active()) && reason.active() && lossReasons().stream()
                .noneMatch(other -> other.active() && !other.code().equals(reason.code()))) {
            throw ApiProblem.unprocessable("LAST_LOSS_REASON", "Loss reason " + reason.code()
                    + " is the last active one", reason.code());
        }
        reason.change(change.name() == null ? null : change.name().strip(), change.sortOrder(), change.active(),
                now());
        return reasons.saveAndFlush(reason);
    }

    private PipelineStage firstActive(StageKind kind) {
        return stages().stream().filter(stage -> stage.active() && stage.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("No active " + kind + " stage is configured"));
    }

    private int nextSortOrder(StageKind kind) {
        List<PipelineStage> all = stages();
        return all.stream().filter(stage -> stage.kind() == kind).map(PipelineStage::sortOrder)
                .max(Comparator.naturalOrder())
                .or(() -> all.stream().map(PipelineStage::sortOrder).max(Comparator.naturalOrder()))
                .orElse(0) + 1;
    }

    private static int probabilityOf(String code, StageKind kind, @Nullable Integer probability) {
        return switch (kind) {
            case OPEN -> {
                if (probability == null) {
                    throw ApiProblem.unprocessable("STAGE_PROBABILITY_REQUIRED",
                            "Open stage " + code + " needs a default win probability", code);
                }
                yield probability;
            }
            case WON -> fixed(code, kind, probability, 100);
            case LOST -> fixed(code, kind, probability, 0);
        };
    }

    private static int fixed(String code, StageKind kind, @Nullable Integer probability, int fixed) {
        if (probability != null && probability != fixed) {
            throw ApiProblem.unprocessable("STAGE_PROBABILITY_FIXED", "A " + kind + " stage always has a win "
                    + "probability of " + fixed + " %", code, kind, fixed);
        }
        return fixed;
    }

    private static @Nullable Integer stallDaysOf(String code, StageKind kind, @Nullable Integer stallDays) {
        if (kind != StageKind.OPEN && stallDays != null) {
            throw ApiProblem.unprocessable("STALL_DAYS_ONLY_FOR_OPEN_STAGES",
                    "Only open stages can stall; " + code + " is a " + kind + " stage", code, kind);
        }
        return stallDays;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
