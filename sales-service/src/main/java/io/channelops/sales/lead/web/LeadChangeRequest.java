package io.channelops.sales.lead.web;

import io.channelops.sales.lead.Lead;
import io.channelops.sales.lead.LeadSource;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Changes a lead's details: a field left out (or null) keeps its value; an empty string clears an optional text
 * (campaign, title, phone, e-mail, need). A timeline given as a date or as months replaces the current one.
 */
@Schema(example = """
        {"budget": {"amount": 300000.00, "currency": "CNY"}, "expectedPurchaseDate": "2026-09-30",
         "contactTitle": "Procurement Director"}""")
public record LeadChangeRequest(
        @Nullable LeadSource source,
        @Nullable @Size(max = 100) String campaign,
        @Nullable @Size(min = 1, max = 200) String company,
        @Nullable @Size(min = 1, max = 200) String contactName,
        @Nullable @Size(max = 100) String contactTitle,
        @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+()./ -]*") String contactPhone,
        @Nullable @Email @Size(max = 200) String contactEmail,
        @Nullable @Size(max = 2000) String need,
        @Nullable @Valid LeadMoney budget,
        @Nullable LocalDate expectedPurchaseDate,
        @Nullable @Min(0) @Max(120) Integer timelineMonths,
        @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode) {

    @AssertTrue(message = "give expectedPurchaseDate or timelineMonths, not both")
    @Schema(hidden = true)
    boolean isOneTimeline() {
        return expectedPurchaseDate == null || timelineMonths == null;
    }

    /** The lead's details with this change applied. */
    Lead.Details applyTo(Lead.Details current) {
        boolean newTimeline = expectedPurchaseDate != null || timelineMonths != null;
        return new Lead.Details(source != null ? source : current.source(), or(campaign, current.campaign()),
                company != null ? company : current.company(),
                contactName != null ? contactName : current.contactName(),
                or(contactTitle, current.contactTitle()), or(contactPhone, current.contactPhone()),
                or(contactEmail, current.contactEmail()), or(need, current.need()),
                budget != null ? budget.toMoney() : current.budget(),
                newTimeline ? expectedPurchaseDate : current.expectedPurchaseDate(),
                newTimeline ? timelineMonths : current.timelineMonths(),
                regionCode != null ? regionCode : current.regionCode());
    }

    /** Keeps the current value when none is given; an empty string clears it. */
    private static @Nullable String or(@Nullable String given, @Nullable String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given;
    }
}
