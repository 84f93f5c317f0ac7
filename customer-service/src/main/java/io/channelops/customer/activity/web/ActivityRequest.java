package io.channelops.customer.activity.web;

import io.channelops.customer.activity.ActivityReport;
import io.channelops.customer.activity.ActivityType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Logs a visit, call, e-mail, meeting or note. Who logged it and when are set by the server. With a
 * {@code nextStep} and a {@code followUpOn} date, a follow-up task for the caller is created.
 */
@Schema(example = """
        {"type": "VISIT", "occurredAt": "2026-03-02T06:30:00Z", "subject": "Quarterly review at the Pudong store",
         "details": "Walked the shop floor with the store manager; shelf space for the new line agreed.",
         "outcome": "Order for the spring range expected next week", "nextStep": "Send the spring price list",
         "durationMinutes": 90, "location": "Pudong store, Shanghai", "purpose": "Quarterly business review",
         "contactIds": ["6f1c2a7e-1d2b-4c55-9a0e-3c7f2f9d8b11"], "followUpOn": "2026-03-05"}""")
public record ActivityRequest(
        @NotNull ActivityType type,
        @Schema(description = "When it took place (UTC); at most 5 minutes in the future")
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = 200) String subject,
        @Nullable @Size(max = 4000) String details,
        @Nullable @Size(max = 1000) String outcome,
        @Nullable @Size(max = 1000) String nextStep,
        @Schema(description = "Visit report: how long it took, 0 to 1440 minutes")
        @Nullable @Min(0) @Max(1440) Integer durationMinutes,
        @Schema(description = "Visit report: where it took place") @Nullable @Size(max = 200) String location,
        @Schema(description = "Visit report: why") @Nullable @Size(max = 500) String purpose,
        @Schema(description = "Contacts of the same customer who took part (422 CONTACT_NOT_OF_CUSTOMER otherwise)")
        @Nullable @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,36}") String> contactIds,
        @Schema(description = "Creates a follow-up task for the caller, due that day, titled with nextStep")
        @Nullable LocalDate followUpOn) {

    ActivityReport toReport() {
        return new ActivityReport(type, occurredAt, subject.strip(), blankToNull(details), blankToNull(outcome),
                blankToNull(nextStep), durationMinutes, blankToNull(location), blankToNull(purpose),
                contactIds == null ? Set.of() : Set.copyOf(contactIds));
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
