package io.channelops.customer.timeline;

import io.channelops.platform.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of a timeline starts: the position of the last entry of the page before, as an opaque token
 * ({@code at|kind|ref}, base64url). Stable under inserts: new entries never shift later pages.
 */
public record TimelineCursor(Instant at, TimelineEntry.Kind kind, String ref) {

    public static TimelineCursor after(TimelineEntry entry) {
        return new TimelineCursor(entry.at(), entry.kind(), entry.ref());
    }

    public String token() {
        String raw = at + "|" + kind + "|" + ref;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ApiProblem 400 {@code INVALID_CURSOR} when the token was not made by {@link #token()} */
    public static TimelineCursor parse(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            return new TimelineCursor(Instant.parse(parts[0]), TimelineEntry.Kind.valueOf(parts[1]), parts[2]);
        }
        catch (RuntimeException ex) {
            throw ApiProblem.badRequest("INVALID_CURSOR", "Parameter after is not a timeline cursor: use the "
                    + "nextCursor of the page before", "after");
        }
    }

    /** True when {@code entry} comes after this position in {@link TimelineEntry#NEWEST_FIRST} order. */
    boolean isBefore(TimelineEntry entry) {
        return TimelineEntry.NEWEST_FIRST.compare(new TimelineEntry(at, kind, ref, "", "", null, null, null),
                entry) < 0;
    }
}
