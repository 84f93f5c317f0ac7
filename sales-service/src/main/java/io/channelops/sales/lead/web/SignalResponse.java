package io.channelops.sales.lead.web;

import io.channelops.sales.scoring.Band;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The stored signal and the lead's score after it. {@code duplicate}: an earlier post with the same key stored it. */
@Schema(example = """
        {"signalId": "0b6c3a4e-1f7d-4e2b-9c8a-5d4e3f2a1b0c", "leadId": "5f0c8a7e-9a53-4a3e-b7f4-2f1d0c9e8b11",
         "type": "DEMO_REQUESTED", "occurredAt": "2026-06-14T09:12:00Z", "duplicate": false, "score": 65,
         "band": "HOT"}""")
public record SignalResponse(String signalId, String leadId, String type, Instant occurredAt, boolean duplicate,
        int score, Band band) {
}
