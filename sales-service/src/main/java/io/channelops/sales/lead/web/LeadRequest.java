package io.channelops.sales.lead.web;

import io.channelops.sales.lead.Lead;
import io.channelops.sales.lead.LeadSource;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Captures a lead. The timeline is either an expected purchase date or a number of months from now, not both.
 * {@code route: true} asks the assignment rules for an owner instead of taking the lead yourself (leads posted by
 * integration clients are always routed).
 */
@Schema(example = """
        {"source": "TRADE_SHOW", "campaign": "CIIE-2026", "company": "Acme Trading (Shanghai)",
         "contact": {"name": "Li Wei", "title": "Head of Purchasing", "phone": "+86 21 5555 0100",
                     "email": "li.wei@acme.example"},
         "need": "40 pallet racks for a new warehouse", "budget": {"amount": 250000.00, "currency": "CNY"},
         "timelineMonths": 3, "regionCode": "EAST"}""")
public record LeadRequest(
        @NotNull LeadSource source,
        @Nullable @Size(max = 100) String campaign,
        @NotBlank @Size(max = 200) String company,
        @NotNull @Valid ContactRequest contact,
        @Nullable @Size(max = 2000) String need,
        @Nullable @Valid LeadMoney budget,
        @Nullable LocalDate expectedPurchaseDate,
        @Nullable @Min(0) @Max(120) Integer timelineMonths,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode,
        @Nullable Boolean route) {

    @AssertTrue(message = "give expectedPurchaseDate or timelineMonths, not both")
    @Schema(hidden = true)
    boolean isOneTimeline() {
        return expectedPurchaseDate == null || timelineMonths == null;
    }

    Lead.Details toDetails() {
        return new Lead.Details(source, campaign, company, contact.name(), contact.title(), contact.phone(),
                contact.email(), need, budget == null ? null : budget.toMoney(), expectedPurchaseDate, timelineMonths,
                regionCode);
    }

    boolean routed() {
        return Boolean.TRUE.equals(route);
    }
}
