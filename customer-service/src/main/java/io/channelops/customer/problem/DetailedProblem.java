package io.channelops.customer.problem;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An {@link ApiProblem} whose body also lists invalid fields ({@code errors[]}) and/or carries named properties,
 * e.g. {@code "duplicate": {"id": ..., "code": ..., "rule": "TAX_ID"}}. Answered by the archive's problem handler
 * the way the platform answers any problem (same type, title, code and traceId).
 */
public class DetailedProblem extends ApiProblem {

    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    public DetailedProblem(HttpStatus status, String code, String detail, List<FieldProblem> errors,
            Map<String, Object> properties) {
        super(status, code, detail);
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    /** 422 listing each invalid field. */
    public static DetailedProblem invalidFields(String code, String detail, List<FieldProblem> errors) {
        return new DetailedProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, detail, errors, Map.of());
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
