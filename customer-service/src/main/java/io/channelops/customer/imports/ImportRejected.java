package io.channelops.customer.imports;

import io.channelops.platform.web.FieldProblem;
import java.util.List;

/**
 * An upload that cannot be imported at all (400): an unknown target field or column, an empty file. Unlike
 * {@link io.channelops.platform.web.ApiProblem} it lists each problem in the answer's {@code errors[]}.
 */
public class ImportRejected extends RuntimeException {

    private final String code;
    private final List<FieldProblem> errors;

    public ImportRejected(String code, String detail, List<FieldProblem> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
