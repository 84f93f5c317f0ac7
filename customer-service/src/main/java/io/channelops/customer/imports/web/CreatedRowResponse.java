package io.channelops.customer.imports.web;

import io.channelops.customer.imports.ImportRows;
import io.swagger.v3.oas.annotations.media.Schema;

/** A row that became a customer. */
@Schema(name = "ImportCreatedRow", example = """
        {"row": 1, "line": 2, "customerId": "0c3a5f0e-4b8e-4d0b-9a8c-2f4d6f1e9b7a"}""")
public record CreatedRowResponse(long row, long line, String customerId) {

    static CreatedRowResponse of(ImportRows.Entry entry) {
        return new CreatedRowResponse(entry.row(), entry.line(), String.valueOf(entry.customerId()));
    }
}
