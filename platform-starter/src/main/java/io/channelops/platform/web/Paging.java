package io.channelops.platform.web;

import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns {@code page}, {@code size} and {@code sort} query parameters into a {@link Pageable},
 * refusing out-of-range values and sort properties a list does not offer (400, never a silent
 * cap).
 */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    /**
     * @param sort {@code property} or {@code property,asc|desc}; null for {@code defaultSort}
     * @param allowed the public property names this list can be sorted by
     */
    public static Pageable pageable(int page, int size, String sort, Sort defaultSort, Set<String> allowed) {
        if (page < 0) {
            throw ApiProblem.badRequest("INVALID_PAGE", "page must be 0 or greater", "page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("INVALID_PAGE", "size must be between 1 and " + MAX_SIZE, "size");
        }
        return PageRequest.of(page, size, sort.isBlank() ? defaultSort : parse(sort, allowed));
    }

    private static Sort parse(String sort, Set<String> allowed) {
        String[] parts = sort.split(",");
        String property = parts[0].trim();
        if (!allowed.contains(property) || parts.length > 2) {
            throw ApiProblem.badRequest("INVALID_SORT",
                    "sort must be one of " + allowed + ", optionally followed by ,asc or ,desc", allowed);
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length == 2) {
            String dir = parts[1].trim().toUpperCase(Locale.ROOT);
            if (!dir.equals("ASC") && !dir.equals("DESC")) {
                throw ApiProblem.badRequest("INVALID_SORT",
                        "sort must be one of " + allowed + ", optionally followed by ,asc or ,desc", allowed);
            }
            direction = Sort.Direction.valueOf(dir);
        }
        return Sort.by(direction, property);
    }
}
