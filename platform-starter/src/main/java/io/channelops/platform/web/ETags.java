package io.channelops.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency over HTTP: a record's version is its strong {@code ETag}
 * ({@code "3"}); an update must send it back in {@code If-Match}. A missing {@code If-Match}
 * answers 428, a stale one 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Checks {@code If-Match} against the record's current version. */
    public static void requireMatch(@Nullable String ifMatch, long currentVersion, String resource, Object id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED",
                    "Send the record's ETag in If-Match to update it", resource, id);
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(current) || candidate.equals("*")) {
                return;
            }
        }
        throw ApiProblem.staleVersion(resource, id);
    }
}
