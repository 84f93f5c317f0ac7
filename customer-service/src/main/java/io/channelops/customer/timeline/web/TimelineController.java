package io.channelops.customer.timeline.web;

import io.channelops.customer.timeline.Timeline;
import io.channelops.customer.timeline.TimelineCursor;
import io.channelops.customer.timeline.TimelineEntry;
import io.channelops.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/customers/{id}/timeline}: everything that happened to a customer, newest first. */
@RestController
@Tag(name = "Customer timeline", description = "Activities, changes, ownership, cases, orders and payments by time")
class TimelineController {

    static final int MAX_SIZE = 200;

    private final Timeline timeline;

    TimelineController(Timeline timeline) {
        this.timeline = timeline;
    }

    /** A page of the timeline; pass {@code nextCursor} as {@code after} for the next one (null: no more). */
    record TimelineResponse(List<Entry> entries, @Nullable String nextCursor) {
    }

    /** One entry: when, what kind, the record it refers to, its sub-kind, a title, who, and money if any. */
    record Entry(Instant at, TimelineEntry.Kind kind, String ref, String type, String title, @Nullable String actor,
            @Nullable Money amount) {

        static Entry of(TimelineEntry entry) {
            Money money = entry.amount() == null || entry.currency() == null ? null
                    : new Money(entry.amount(), entry.currency());
            return new Entry(entry.at(), entry.kind(), entry.ref(), entry.type(), entry.title(), entry.actor(),
                    money);
        }
    }

    /** An amount and its ISO-4217 currency. */
    record Money(BigDecimal amount, String currency) {
    }

    @GetMapping("/api/v1/customers/{id}/timeline")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read a customer's timeline", description = "Newest first: activities logged (kind "
            + "ACTIVITY, type VISIT/CALL/EMAIL/MEETING/NOTE), revisions of the customer record (CHANGE: "
            + "CREATED/CHANGED; the field-by-field diff is at /history), changes of owner (OWNERSHIP: ASSIGNED, "
            + "TRANSFERRED, RETURNED_TO_POOL, RELEASED_TO_POOL, CLAIMED), service cases opened (CASE), and from the "
            + "360 summary's read model approved orders (ORDER) and posted payments (PAYMENT). Cursor paging: pass "
            + "the answer's nextCursor as after. size 1..200 (default 50). 404 when the customer is unknown or out "
            + "of scope.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            {"entries": [
              {"at": "2026-11-21T09:30:00Z", "kind": "PAYMENT", "ref": "pay-7f21", "type": "POSTED",
               "title": "inv-5c10", "actor": null, "amount": {"amount": 1280.50, "currency": "CNY"}},
              {"at": "2026-11-18T06:30:00Z", "kind": "ACTIVITY", "ref": "c2d1a0e4-…", "type": "VISIT",
               "title": "Quarterly review", "actor": "u-rep-east1-a", "amount": null},
              {"at": "2026-11-02T08:00:00Z", "kind": "ORDER", "ref": "ord-91aa", "type": "APPROVED",
               "title": "SO-2026-000123", "actor": null, "amount": {"amount": 1280.50, "currency": "CNY"}}],
             "nextCursor": "MjAyNi0xMS0wMlQwODowMDowMFp8T1JERVJ8b3JkLTkxYWE"}""")))
    @ApiResponse(responseCode = "400", description = "INVALID_CURSOR or INVALID_PARAMETER (size)")
    @ApiResponse(responseCode = "404", description = "Unknown or out of scope")
    TimelineResponse timeline(@PathVariable String id,
            @Parameter(description = "nextCursor of the page before; absent for the newest page")
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "50") int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "size must be between 1 and " + MAX_SIZE, "size");
        }
        TimelineCursor cursor = after == null || after.isBlank() ? null : TimelineCursor.parse(after);
        Timeline.Page page = timeline.page(id, cursor, size);
        return new TimelineResponse(page.entries().stream().map(Entry::of).toList(),
                page.next() == null ? null : page.next().token());
    }
}
