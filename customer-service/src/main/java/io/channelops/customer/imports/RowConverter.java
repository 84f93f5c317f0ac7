package io.channelops.customer.imports;

import io.channelops.customer.imports.CsvFile.CsvRow;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a CSV row into a valid create request, or says why it cannot be one: the row's JSON
 * ({@link RowMapping#toJson}) goes through Jackson to the request type (a value of the wrong type or an unknown
 * enum constant: {@code INVALID_VALUE}), then through the Jakarta validator ({@code VALIDATION_FAILED}, one problem
 * per invalid field). Bytes the charset could not decode: {@code INVALID_ENCODING}.
 */
final class RowConverter<T> {

    private final RowMapping mapping;
    private final Class<T> type;
    private final JsonMapper json;
    private final Validator validator;

    RowConverter(RowMapping mapping, Class<T> type, JsonMapper json, Validator validator) {
        this.mapping = mapping;
        this.type = type;
        this.json = json;
        this.validator = validator;
    }

    /** The request, or the row's problems. */
    Converted<T> convert(CsvRow row) {
        List<RowProblem> problems = new ArrayList<>();
        for (RowMapping.Column column : mapping.columns()) {
            if (CsvRow.undecodable(row.cell(column.index()))) {
                problems.add(problem(row, column.label(), column.field(), "INVALID_ENCODING",
                        "has bytes that are not valid in the file's charset"));
            }
        }
        if (!problems.isEmpty()) {
            return Converted.failed(problems);
        }
        JsonNode node;
        try {
            node = mapping.toJson(row, json);
        } catch (RowMapping.BadCell bad) {
            return Converted.failed(List.of(problem(row, bad.column().label(), bad.column().field(),
                    "INVALID_VALUE", bad.getMessage())));
        }
        T request;
        try {
            request = json.treeToValue(node, type);
        } catch (JacksonException e) {
            String field = field(e);
            return Converted.failed(List.of(problem(row, field == null ? null : mapping.label(field), field,
                    "INVALID_VALUE", message(e))));
        }
        List<ConstraintViolation<T>> violations = new ArrayList<>(validator.validate(request));
        if (violations.isEmpty()) {
            return new Converted<>(request, List.of());
        }
        violations.sort(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage));
        for (ConstraintViolation<T> violation : violations) {
            String field = violation.getPropertyPath().toString();
            problems.add(problem(row, mapping.label(baseField(field)), field, "VALIDATION_FAILED",
                    violation.getMessage()));
        }
        return Converted.failed(problems);
    }

    private static RowProblem problem(CsvRow row, @Nullable String column, @Nullable String field, String code,
            String message) {
        return new RowProblem(row.row(), row.line(), column, field, code, message);
    }

    private static String baseField(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '[' || c == '.') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    private static @Nullable String field(JacksonException e) {
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                return reference.getPropertyName();
            }
        }
        return null;
    }

    private static String message(JacksonException e) {
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + invalid.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            return "value '" + invalid.getValue() + "' is not valid here";
        }
        return "has the wrong type";
    }

    /** A row converted: the request, or (request null) its problems. */
    record Converted<T>(@Nullable T request, List<RowProblem> problems) {

        static <T> Converted<T> failed(List<RowProblem> problems) {
            return new Converted<>(null, List.copyOf(problems));
        }
    }
}
