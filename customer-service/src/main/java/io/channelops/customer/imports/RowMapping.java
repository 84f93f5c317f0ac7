package io.channelops.customer.imports;

import io.channelops.customer.imports.CsvFile.CsvRow;
import io.channelops.platform.web.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The column mapping of an upload, checked against the file's header and the request's fields: each mapped column
 * (by name with a header, by 1-based number without) fills one field. A field that takes a list may be filled from
 * several columns; any other field from one.
 */
final class RowMapping {

    /** Separates the values of a list field within one cell. */
    static final String LIST_SEPARATOR = ";";

    /** One mapped column: 0-based index, how errors name it, and the field it fills. */
    record Column(int index, String label, String field, TargetFields.Kind kind) {
    }

    private final List<Column> columns;
    private final Map<String, String> labelOfField;

    private RowMapping(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Map<String, String> labels = new HashMap<>();
        columns.forEach(column -> labels.putIfAbsent(column.field(), column.label()));
        this.labelOfField = labels;
    }

    /** Checks the mapping; 400 {@code UNKNOWN_TARGET_FIELD}, {@code UNKNOWN_COLUMN} or {@code DUPLICATE_TARGET}. */
    static RowMapping resolve(Map<String, String> mapping, boolean hasHeader, List<String> header,
            TargetFields fields) {
        List<FieldProblem> unknownFields = new ArrayList<>();
        mapping.forEach((column, field) -> {
            if (!fields.contains(field)) {
                unknownFields.add(new FieldProblem("mapping." + column,
                        "'" + field + "' is not a customer field; valid fields: " + String.join(", ",
                                fields.names())));
            }
        });
        if (!unknownFields.isEmpty()) {
            throw new ImportRejected("UNKNOWN_TARGET_FIELD", "The mapping names " + unknownFields.size()
                    + " field(s) a customer does not have; valid fields: " + String.join(", ", fields.names()),
                    unknownFields);
        }
        Map<String, Integer> indexOfName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            indexOfName.putIfAbsent(header.get(i).strip(), i);
        }
        List<FieldProblem> unknownColumns = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        mapping.forEach((source, field) -> {
            Integer index = hasHeader ? indexOfName.get(source.strip()) : number(source);
            if (index == null) {
                unknownColumns.add(new FieldProblem("mapping." + source, hasHeader
                        ? "the header has no column '" + source + "'; it has: " + String.join(", ",
                                indexOfName.keySet())
                        : "without a header, columns are mapped by number: 1, 2, 3, ..."));
                return;
            }
            TargetFields.Kind kind = fields.kind(field);
            uses.merge(field, 1, Integer::sum);
            columns.add(new Column(index, hasHeader ? source.strip() : "column " + (index + 1), field, kind));
        });
        if (!unknownColumns.isEmpty()) {
            throw new ImportRejected("UNKNOWN_COLUMN", unknownColumns.size() + " mapped column(s) are not in the "
                    + "file" + (hasHeader ? " (check the charset if the header looks garbled)" : ""),
                    unknownColumns);
        }
        List<FieldProblem> duplicates = new ArrayList<>();
        uses.forEach((field, count) -> {
            if (count > 1 && fields.kind(field) != TargetFields.Kind.LIST) {
                duplicates.add(new FieldProblem("mapping", "field '" + field + "' is mapped from " + count
                        + " columns; only list fields may take several"));
            }
        });
        if (!duplicates.isEmpty()) {
            throw new ImportRejected("DUPLICATE_TARGET", "Fields that take one value are mapped from several "
                    + "columns", duplicates);
        }
        return new RowMapping(columns);
    }

    private static @Nullable Integer number(String source) {
        try {
            int number = Integer.parseInt(source.strip());
            return number >= 1 ? number - 1 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How errors name the column a field comes from; null for fields no column fills. */
    @Nullable String label(String field) {
        return labelOfField.get(field);
    }

    List<Column> columns() {
        return columns;
    }

    /**
     * The row as the request's JSON: {@code {field: cell}}; empty cells are left out, list cells split at
     * {@code ;}, structured cells parsed as JSON (an unreadable one: {@link BadCell}).
     */
    ObjectNode toJson(CsvRow row, JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        for (Column column : columns) {
            String cell = row.cell(column.index());
            if (cell.isEmpty()) {
                continue;
            }
            switch (column.kind()) {
                case VALUE -> node.put(column.field(), cell);
                case LIST -> {
                    JsonNode existing = node.get(column.field());
                    ArrayNode values = existing instanceof ArrayNode array ? array : node.putArray(column.field());
                    for (String value : cell.split(LIST_SEPARATOR)) {
                        if (!value.isBlank()) {
                            values.add(value.strip());
                        }
                    }
                }
                case JSON -> {
                    try {
                        node.set(column.field(), json.readTree(cell));
                    } catch (RuntimeException e) {
                        throw new BadCell(column, "is not valid JSON");
                    }
                }
            }
        }
        return node;
    }

    /** A cell that cannot become its field's value at all. */
    static final class BadCell extends RuntimeException {

        private final Column column;

        BadCell(Column column, String message) {
            super(message);
            this.column = column;
        }

        Column column() {
            return column;
        }
    }
}
