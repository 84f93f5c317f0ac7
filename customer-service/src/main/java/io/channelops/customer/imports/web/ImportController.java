package io.channelops.customer.imports.web;

import io.channelops.customer.imports.ImportJob;
import io.channelops.customer.imports.ImportRejected;
import io.channelops.customer.imports.ImportRows;
import io.channelops.customer.imports.ImportService;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.channelops.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/customers/imports}: import customers from a CSV file. Uploading needs {@code customers:write},
 * following a job {@code customers:read}; a job is seen by whoever may see its uploader's records (the uploader,
 * their managers, directors, auditors), 404 otherwise.
 */
@RestController
@RequestMapping("/api/v1/customers/imports")
@Tag(name = "Customer imports", description = "Import customers from CSV files (UTF-8 or GBK, comma or tab)")
class ImportController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"));

    private final ImportService imports;
    private final JsonMapper json;
    private final Validator validator;
    private final ProblemResponses problems;

    ImportController(ImportService imports, JsonMapper json, Validator validator, ProblemResponses problems) {
        this.imports = imports;
        this.json = json;
        this.validator = validator;
        this.problems = problems;
    }

    /**
     * How the upload's parts are documented. The options part is read as UTF-8 JSON whatever content type the client
     * gives it (curl's {@code -F 'options={...}'} gives none).
     */
    @Schema(name = "ImportUpload")
    record UploadForm(
            @Schema(type = "string", format = "binary", description = "The CSV file, at most "
                    + "channelops.customer.imports.max-bytes (50 MB)") String file,
            ImportRequest options) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Import customers from a CSV file",
            description = """
                    Multipart: `file` (the CSV) and `options` (JSON: charset, delimiter, header, mapping, dryRun, \
                    recordCreated). Each row becomes the body of `POST /api/v1/customers` by the mapping (column \
                    → field), goes through the same validation and duplicate checks, and is registered as the \
                    caller, who owns it.

                    `dryRun: true`: every row is checked, duplicates against the database and earlier rows of the \
                    file included, and nothing is written: 200 with the counts and the first 1000 problems.

                    Otherwise 202 + `Location` of a job that imports in the background; rows that pass are \
                    written, rows that fail are listed at `.../{jobId}/errors`. Uploading the same bytes with the \
                    same options again (same caller) while that job is queued, running or completed answers 200 \
                    with that job instead of importing twice.

                    400: `UNKNOWN_TARGET_FIELD` (errors[] names the valid fields), `UNKNOWN_COLUMN`, \
                    `DUPLICATE_TARGET`, `EMPTY_FILE`, `MALFORMED_CSV`, `VALIDATION_FAILED`, `UNKNOWN_FIELD`; \
                    413 `PAYLOAD_TOO_LARGE`; 503 `IMPORT_QUEUE_FULL`. An `Idempotency-Key` is not needed and is \
                    ignored here.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = UploadForm.class),
                            encoding = @Encoding(name = "options", contentType = MediaType.APPLICATION_JSON_VALUE))))
    @ApiResponse(responseCode = "202", description = "Import job started; Location is the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ImportJobResponse.class),
                    examples = @ExampleObject(name = "queued", value = """
                            {"id": "5b0f6c1e-2a7d-4c59-9a51-3f7e0d2b8c41", "status": "QUEUED",
                             "fileName": "customers.csv", "fileSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                             "fileBytes": 812345,
                             "options": {"charset": "UTF-8", "delimiter": "COMMA", "header": true,
                                         "mapping": {"Customer name": "name", "Type": "type", "Region": "regionCode"},
                                         "recordCreated": false},
                             "progress": {"rowsRead": 0, "rowsImported": 0, "rowsFailed": 0, "rowsSkipped": 0,
                                          "errors": 0},
                             "createdAt": "2025-03-01T08:00:00Z", "ownerId": "u-rep-east1-a",
                             "orgPath": "/hq/east/team-1",
                             "errorsUrl": "/api/v1/customers/imports/5b0f6c1e-2a7d-4c59-9a51-3f7e0d2b8c41/errors"}""")))
    @ApiResponse(responseCode = "200", description = "Dry run result (nothing written), or the job this same "
            + "upload already started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {DryRunResponse.class, ImportJobResponse.class})))
    @ApiResponse(responseCode = "400", description = "The mapping does not fit the file or the customer fields",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    examples = @ExampleObject(name = "unknown field", value = """
                            {"type": "https://channelops.io/problems/unknown-target-field", "title": "Bad Request",
                             "status": 400, "code": "UNKNOWN_TARGET_FIELD",
                             "detail": "The mapping names 1 field(s) a customer does not have; valid fields: code, name, type, regionCode, email",
                             "errors": [{"field": "mapping.Fax", "message": "'fax' is not a customer field; valid fields: code, name, type, regionCode, email"}],
                             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))
    ResponseEntity<Object> upload(@RequestPart("file") MultipartFile file,
            @Parameter(description = "ImportOptions as JSON") @RequestPart("options") byte[] options,
            HttpServletRequest request) throws IOException {
        ImportRequest parsed = parse(options, new ServletServerHttpRequest(request));
        try (InputStream content = file.getInputStream()) {
            ImportService.Upload upload = new ImportService.Upload(file.getOriginalFilename(), content);
            if (parsed.isDryRun()) {
                return ResponseEntity.ok(DryRunResponse.of(imports.dryRun(upload, parsed.toOptions())));
            }
            ImportService.Submission submission = imports.submit(upload, parsed.toOptions());
            ImportJob job = submission.job();
            return ResponseEntity.status(submission.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .location(URI.create("/api/v1/customers/imports/" + job.id()))
                    .body(ImportJobResponse.of(job, json));
        }
    }

    private ImportRequest parse(byte[] options, ServletServerHttpRequest request) {
        ImportRequest parsed;
        try {
            parsed = json.readValue(options, ImportRequest.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("Unreadable options part: " + e.getOriginalMessage(), e,
                    request);
        }
        Set<ConstraintViolation<ImportRequest>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return parsed;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List import jobs", description = "Newest first; only the jobs whose uploader's records "
            + "the caller may see.")
    PageResponse<ImportJobResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(imports.list(Paging.pageable(page, size, "", NEWEST_FIRST, Set.of())),
                job -> ImportJobResponse.of(job, json));
    }

    @GetMapping("/{jobId}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Follow an import job", description = "Status QUEUED, RUNNING, COMPLETED or FAILED, "
            + "progress (rows read, imported, failed, skipped beyond the row limit, problems recorded) and "
            + "timestamps. 404 for a job the caller may not see.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ImportJobResponse.class)))
    ImportJobResponse get(@PathVariable String jobId) {
        return ImportJobResponse.of(imports.get(jobId), json);
    }

    @GetMapping("/{jobId}/errors")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Rows an import refused", description = "Every problem of every refused row, in row "
            + "order (a row may have several), plus file problems (ROW_LIMIT_EXCEEDED, MALFORMED_CSV). Paged; "
            + "size ≤ 200.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            examples = @ExampleObject(name = "errors", value = """
                    {"content": [
                       {"row": 17, "line": 18, "column": "E-mail", "field": "email", "code": "VALIDATION_FAILED",
                        "message": "must be a well-formed email address"},
                       {"row": 42, "line": 43, "code": "DUPLICATE_CUSTOMER",
                        "message": "A customer with the same tax id already exists"}],
                     "page": {"number": 0, "size": 20, "totalElements": 2, "totalPages": 1}}""")))
    PageResponse<RowErrorResponse> errors(@PathVariable String jobId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(imports.rows(jobId, ImportRows.Outcome.FAILED,
                Paging.pageable(page, size, "", Sort.unsorted(), Set.of())), RowErrorResponse::of);
    }

    @GetMapping("/{jobId}/created")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Customers an import created", description = "Row → customer id, in row order, for "
            + "jobs started with recordCreated: true (empty otherwise). Paged; size ≤ 200.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            examples = @ExampleObject(name = "created", value = """
                    {"content": [{"row": 1, "line": 2, "customerId": "0c3a5f0e-4b8e-4d0b-9a8c-2f4d6f1e9b7a"}],
                     "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""")))
    PageResponse<CreatedRowResponse> created(@PathVariable String jobId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(imports.rows(jobId, ImportRows.Outcome.CREATED,
                Paging.pageable(page, size, "", Sort.unsorted(), Set.of())), CreatedRowResponse::of);
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<Object> rejected(ImportRejected rejected) {
        return problems.entity(HttpStatus.BAD_REQUEST, rejected.code(), String.valueOf(rejected.getMessage()),
                new Object[0], rejected.errors(), null);
    }
}
