package io.channelops.customer.imports.web;

import io.channelops.customer.imports.ImportRows;
import io.channelops.customer.imports.RowProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Why one row of a file was not imported; a row may have several. */
@Schema(name = "ImportRowError", example = """
        {"row": 17, "line": 18, "column": "E-mail", "field": "email", "code": "VALIDATION_FAILED",
         "message": "must be a well-formed email address"}""")
public record RowErrorResponse(
        @Schema(description = "1-based data row (the header is not counted)") long row,
        @Schema(description = "1-based line of the file where the row starts") long line,
        @Schema(description = "The CSV column, when the problem is about one") @Nullable String column,
        @Schema(description = "The customer field, when the problem is about one") @Nullable String field,
        @Schema(description = "VALIDATION_FAILED, INVALID_VALUE, INVALID_ENCODING, a create's own code such as "
                + "DUPLICATE_CUSTOMER or CUSTOMER_CODE_TAKEN, or for the file ROW_LIMIT_EXCEEDED, MALFORMED_CSV")
        String code,
        String message) {

    static RowErrorResponse of(RowProblem problem) {
        return new RowErrorResponse(problem.row(), problem.line(), problem.column(), problem.field(),
                problem.code(), problem.message());
    }

    static RowErrorResponse of(ImportRows.Entry entry) {
        return new RowErrorResponse(entry.row(), entry.line(), entry.column(), entry.field(),
                String.valueOf(entry.code()), String.valueOf(entry.message()));
    }
}
