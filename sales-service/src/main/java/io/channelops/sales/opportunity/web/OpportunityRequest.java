package io.channelops.sales.opportunity.web;

import io.channelops.sales.opportunity.OpportunityService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Opens an opportunity owned by the caller. Without a stage it starts in the first open stage; without a probability
 * it follows the stage's default win probability.
 */
@Schema(example = """
        {"name": "Pumps for the Suzhou plant extension", "customerId": "5d0c7a7e-2f0b-4c1e-8a57-1c2d3e4f5a6b",
         "amount": {"amount": 250000.00, "currency": "CNY"}, "expectedCloseDate": "2026-11-30",
         "products": [{"productId": "0b7c3f0e-6a57-4d0e-9a55-3f2f1c9b8e21", "quantity": 40}],
         "competitor": "Grundfos", "stage": "QUALIFICATION"}""")
public record OpportunityRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = OpportunityRequest.ID) String customerId,
        @NotNull @Valid MoneyRequest amount,
        @NotNull LocalDate expectedCloseDate,
        @Nullable @Size(max = 100) List<@NotNull @Valid ProductLineRequest> products,
        @Nullable @Size(max = 200) String competitor,
        @Nullable @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,31}") String stage,
        @Nullable @Min(0) @Max(100) Integer probability,
        @Nullable @Pattern(regexp = OpportunityRequest.ID) String sourceLeadId) {

    /** An opaque id of another record: letters, digits and {@code . _ : -}, 64 characters at most. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    OpportunityService.NewOpportunity toNewOpportunity() {
        return new OpportunityService.NewOpportunity(name, customerId, amount.toMoney(), expectedCloseDate,
                products == null ? List.of() : products.stream().map(ProductLineRequest::toLine).toList(),
                competitor, stage, probability, sourceLeadId);
    }
}
