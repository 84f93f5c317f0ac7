package io.channelops.sales.assignment.web;

import io.channelops.sales.assignment.AssignmentService;
import io.channelops.sales.assignment.AssignmentStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where new unowned leads of a region go: a team (org path) and ROUND_ROBIN among its active reps, or FIXED_USER
 * (an active user of that team). Region {@code *} catches every region without its own rule.
 */
@Schema(example = """
        {"regionCode": "EAST", "teamPath": "/hq/east/team-1", "strategy": "ROUND_ROBIN"}""")
public record AssignmentRuleRequest(@NotBlank @Size(max = 32) String regionCode,
        @NotBlank @Size(max = 255) String teamPath, @NotNull AssignmentStrategy strategy,
        @Nullable @Size(max = 64) String fixedUserId) {

    AssignmentService.Definition toDefinition() {
        return new AssignmentService.Definition(regionCode, teamPath, strategy, fixedUserId);
    }
}
