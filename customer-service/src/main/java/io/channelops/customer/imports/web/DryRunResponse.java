package io.channelops.customer.imports.web;

import io.channelops.customer.imports.ImportProgress;
import io.channelops.customer.imports.ImportService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a dry run found; nothing was written. */
@Schema(name = "ImportDryRun", example = """
        {"dryRun": true, "fileSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         "progress": {"rowsRead": 3, "rowsImported": 1, "rowsFailed": 2, "rowsSkipped": 0, "errors": 2},
         "errors": [
           {"row": 2, "line": 3, "column": "Type", "field": "type", "code": "INVALID_VALUE",
            "message": "'WHOLESALER' is not one of [DIRECT, DISTRIBUTOR, DEALER, AGENT, RETAIL, GOVERNMENT, PARTNER]"},
           {"row": 3, "line": 4, "code": "CUSTOMER_CODE_TAKEN", "message": "Customer code ACME-SH is already in use"}],
         "errorsReturned": 2, "errorsTruncated": false}""")
public record DryRunResponse(
        boolean dryRun,
        String fileSha256,
        @Schema(description = "rowsImported: rows that would be imported") ImportProgress progress,
        @Schema(description = "The first problems in row order, at most channelops.customer.imports."
                + "max-returned-errors (1000); progress.errors counts them all") List<RowErrorResponse> errors,
        int errorsReturned,
        boolean errorsTruncated) {

    static DryRunResponse of(ImportService.DryRun dryRun) {
        List<RowErrorResponse> errors = dryRun.errors().stream().map(RowErrorResponse::of).toList();
        return new DryRunResponse(true, dryRun.fileSha256(), dryRun.progress(), errors, errors.size(),
                dryRun.errorsTruncated());
    }
}
