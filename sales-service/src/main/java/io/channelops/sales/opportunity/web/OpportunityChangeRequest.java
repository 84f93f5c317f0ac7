package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.OpportunityService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Changes an open opportunity; absent fields stay as they are. {@code products} replaces every line, an empty
 * {@code competitor} clears it, {@code probability} sets the rep's own win probability and
 * {@code useStageProbability: true} returns to the stage's default. Stage, status, owner and org path change only
 * through their actions.
 */
@Schema(example = """
        {"amount": {"amount": 280000.00, "currency": "CNY"}, "expectedCloseDate": "2026-12-15", "probability": 60}""")
public record OpportunityChangeRequest(
        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Pattern(regexp = OpportunityRequest.ID) String customerId,
        @Nullable @Valid MoneyRequest amount,
        @Nullable LocalDate expectedCloseDate,
        @Nullable @Size(max = 100) List<@NotNull @Valid ProductLineRequest> products,
        @Nullable @Size(max = 200) String competitor,
        @Nullable @Min(0) @Max(100) Integer probability,
        @Nullable Boolean useStageProbability) {

    OpportunityService.Change toChange() {
        return new OpportunityService.Change(name, customerId, amount == null ? null : amount.toMoney(),
                expectedCloseDate,
                products == null ? null : products.stream().map(ProductLineRequest::toLine).toList(), competitor,
                probability, Boolean.TRUE.equals(useStageProbability));
    }
}
