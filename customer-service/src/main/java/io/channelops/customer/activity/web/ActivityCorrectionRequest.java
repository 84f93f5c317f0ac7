package io.channelops.customer.activity.web;

import io.channelops.customer.activity.ActivityService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Corrects an activity's texts on the day it was logged, by its author. Absent fields stay; an empty
 * {@code details}, {@code nextStep}, {@code location} or {@code purpose} removes it.
 */
@Schema(example = """
        {"subject": "Quarterly review at the Pudong flagship store", "location": "Pudong flagship store, Shanghai"}""")
public record ActivityCorrectionRequest(
        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String subject,
        @Nullable @Size(max = 4000) String details,
        @Nullable @Size(max = 1000) String nextStep,
        @Nullable @Size(max = 200) String location,
        @Nullable @Size(max = 500) String purpose) {

    ActivityService.Correction toCorrection() {
        return new ActivityService.Correction(subject == null ? null : subject.strip(), strip(details),
                strip(nextStep), strip(location), strip(purpose));
    }

    private static @Nullable String strip(@Nullable String text) {
        return text == null ? null : text.strip();
    }
}
