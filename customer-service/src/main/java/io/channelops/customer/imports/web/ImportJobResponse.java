package io.channelops.customer.imports.web;

import io.channelops.customer.imports.ImportJob;
import io.channelops.customer.imports.ImportProgress;
import io.channelops.customer.imports.ImportStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An import job as the API shows it. */
@Schema(name = "ImportJob", example = """
        {"id": "5b0f6c1e-2a7d-4c59-9a51-3f7e0d2b8c41", "status": "RUNNING", "fileName": "customers.csv",
         "fileSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "fileBytes": 812345,
         "options": {"charset": "UTF-8", "delimiter": "COMMA", "header": true,
                     "mapping": {"Customer name": "name", "Type": "type", "Region": "regionCode"},
                     "recordCreated": false},
         "progress": {"rowsRead": 4000, "rowsImported": 3961, "rowsFailed": 39, "rowsSkipped": 0, "errors": 41},
         "createdAt": "2025-03-01T08:00:00Z", "startedAt": "2025-03-01T08:00:01Z",
         "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1",
         "errorsUrl": "/api/v1/customers/imports/5b0f6c1e-2a7d-4c59-9a51-3f7e0d2b8c41/errors"}""")
public record ImportJobResponse(String id, ImportStatus status, @Nullable String fileName, String fileSha256,
        long fileBytes, JsonNode options, ImportProgress progress,
        @Schema(description = "Why a FAILED job stopped: MALFORMED_CSV, INTERRUPTED (the service stopped or "
                + "restarted), IMPORT_QUEUE_FULL, INTERNAL_ERROR")
        @Nullable Failure failure,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Who uploaded the file and owns what it "
                + "creates") String ownerId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String orgPath,
        String errorsUrl) {

    /** Why a job failed. */
    public record Failure(String code, @Nullable String detail) {
    }

    static ImportJobResponse of(ImportJob job, JsonMapper json) {
        String url = "/api/v1/customers/imports/" + job.id();
        return new ImportJobResponse(job.id(), job.status(), job.fileName(), job.fileSha256(), job.fileBytes(),
                json.readTree(job.options()), job.progress(),
                job.failureCode() == null ? null : new Failure(job.failureCode(), job.failureDetail()),
                job.createdAt(), job.startedAt(), job.finishedAt(), job.ownership().ownerId(),
                job.ownership().orgPath(), url + "/errors");
    }
}
