package io.channelops.sales.forecast;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Teams and regions as prefixes of org paths. */
final class OrgUnits {

    private OrgUnits() {
    }

    /**
     * The first {@code depth} segments of an org path: {@code /hq/east/team-1} at depth 2 is {@code /hq/east}. A
     * path with fewer segments is returned as it is (without a trailing slash).
     */
    static String truncate(String orgPath, int depth) {
        String[] segments = Arrays.stream(orgPath.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (segments.length == 0) {
            return "/";
        }
        return Arrays.stream(segments, 0, Math.min(depth, segments.length))
                .collect(Collectors.joining("/", "/", ""));
    }
}
