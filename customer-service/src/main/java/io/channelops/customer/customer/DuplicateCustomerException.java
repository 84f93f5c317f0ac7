package io.channelops.customer.customer;

import io.channelops.customer.problem.DetailedProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 409 {@code DUPLICATE_CUSTOMER}: the archive already has this customer. The body's {@code duplicate} names it:
 * {@code id}, {@code code} and the {@code rule} that matched always (like a taken code, the duplicate is reported
 * even when it is outside the caller's scope, so that it is not registered twice); its {@code name} only when the
 * caller may see it ({@code visible: true}). Callers that register in bulk (imports) catch it and read
 * {@link #match()}.
 */
public class DuplicateCustomerException extends DetailedProblem {

    private final Duplicates.Match match;

    DuplicateCustomerException(Duplicates.Match match, boolean visible) {
        super(HttpStatus.CONFLICT, "DUPLICATE_CUSTOMER", "The archive already has this customer (same "
                + match.rule().description() + "): " + match.code(), List.of(), Map.of("duplicate",
                        body(match, visible)));
        this.match = match;
    }

    private static Map<String, Object> body(Duplicates.Match match, boolean visible) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", match.id());
        body.put("code", match.code());
        if (visible) {
            body.put("name", match.name());
        }
        body.put("rule", match.rule().name());
        body.put("visible", visible);
        return body;
    }

    public Duplicates.Match match() {
        return match;
    }
}
