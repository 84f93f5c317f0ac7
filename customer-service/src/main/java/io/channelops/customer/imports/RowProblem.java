package io.channelops.customer.imports;

import org.jspecify.annotations.Nullable;

/**
 * Why a row was not imported. A row can have several problems (one per invalid field).
 *
 * @param row 1-based number of the data row
 * @param line 1-based line of the file where the row starts
 * @param column the CSV column (its header name, or {@code column N}) when the problem is about one
 * @param field the request field when the problem is about one
 * @param code stable code: {@code VALIDATION_FAILED}, {@code INVALID_VALUE}, {@code INVALID_ENCODING}, or the code
 *     of the problem the create answered ({@code DUPLICATE_CUSTOMER}, {@code CUSTOMER_CODE_TAKEN}, ...)
 * @param message what is wrong, in the uploader's language where available
 */
public record RowProblem(long row, long line, @Nullable String column, @Nullable String field, String code,
        String message) {

    static final int MAX_MESSAGE = 1000;

    public RowProblem {
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
    }
}
