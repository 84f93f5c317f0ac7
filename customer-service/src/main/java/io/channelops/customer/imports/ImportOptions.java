package io.channelops.customer.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read an import file and what to make of its columns.
 *
 * @param charset the file's encoding
 * @param delimiter comma or tab
 * @param header whether the first row names the columns; mapping keys are then column names, else 1-based column
 *     numbers ({@code "1"}, {@code "2"}, ...)
 * @param mapping column name or number → field of the customer-create request, in the client's order
 * @param recordCreated whether a background import keeps the id of every customer it created (row → id)
 */
public record ImportOptions(ImportCharset charset, Delimiter delimiter, boolean header, Map<String, String> mapping,
        boolean recordCreated) {

    public ImportOptions {
        mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }
}
