package io.channelops.kpi.scorecard.web;

import io.channelops.kpi.scorecard.ScorecardService;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/kpi}: rep and customer scorecards and the rep leaderboard. Every operation needs {@code kpi:read}
 * and answers over the facts in the caller's data scope only.
 */
@RestController
@RequestMapping("/api/v1/kpi")
@PreAuthorize("hasAuthority('kpi:read')")
@Tag(name = "KPI", description = "Scorecards and leaderboards built from order and payment facts")
class ScorecardController {

    /** Ids are opaque: letters, digits and hyphens, at most 64 (UUIDs fit). */
    private static final String ID = "[A-Za-z0-9-]{1,64}";
    private static final String ID_MESSAGE = "must be 1 to 64 letters, digits or hyphens";

    private final ScorecardService scorecards;

    ScorecardController(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/reps/{repId}")
    @Operation(summary = "Read a sales rep's scorecard",
            description = "Approved order value, approved order count and collected cash per currency, over the "
                    + "facts in the caller's data scope. Cash counts for the rep of the order it pays. Visible to the "
                    + "rep themselves (empty totals without facts) and to callers whose scope holds facts owned by "
                    + "the rep; 404 otherwise. Needs kpi:read.")
    RepScorecardResponse rep(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String repId) {
        return RepScorecardResponse.of(scorecards.ofRep(repId));
    }

    @GetMapping("/customers/{customerId}")
    @Operation(summary = "Read a customer's scorecard",
            description = "Approved order value, approved order count and cash paid per currency, over the "
                    + "facts in the caller's data scope; 404 when the caller's scope holds no fact of the customer. "
                    + "Needs kpi:read.")
    CustomerScorecardResponse customer(
            @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String customerId) {
        return CustomerScorecardResponse.of(scorecards.ofCustomer(customerId));
    }

    @GetMapping("/reps")
    @Operation(summary = "Rank sales reps by approved order value in one currency",
            description = "Highest approved order value first, ties by rep id; collected cash in the same "
                    + "currency alongside. Only the facts in the caller's data scope count: a rep sees their own "
                    + "row, a manager the reps of their subtree, ranked within that view. Needs kpi:read.")
    PageResponse<RepStandingResponse> leaderboard(
            @Parameter(description = "ISO 4217 code", example = "CNY", required = true)
            @RequestParam @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO 4217 code") String currency,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var pageable = Paging.pageable(page, size, "", Sort.unsorted(), Set.of());
        return PageResponse.of(scorecards.leaderboard(currency, pageable), RepStandingResponse::of);
    }
}
