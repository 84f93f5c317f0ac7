package io.channelops.sales.lead.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A behaviour signal: its type (matched case-insensitively against BEHAVIOUR rules), when it happened (default now;
 * at most a few minutes in the future), a free detail, and an optional {@code signalId} of the sender's own that
 * makes a repost a no-op (the {@code Idempotency-Key} header does the same when no signalId is given).
 */
@Schema(example = """
        {"type": "DEMO_REQUESTED", "occurredAt": "2026-06-14T09:12:00Z", "detail": "Booked via web form",
         "signalId": "web-7731"}""")
public record SignalRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String type,
        @Nullable Instant occurredAt,
        @Nullable @Size(max = 1000) String detail,
        @Nullable @Size(min = 1, max = 200) String signalId) {
}
