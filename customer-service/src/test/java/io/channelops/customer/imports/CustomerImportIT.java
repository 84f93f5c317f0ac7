package io.channelops.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Customer import against the real database and broker: dry run, background jobs, encodings, bad uploads. */
@ServiceIntegrationTest
class CustomerImportIT {

    private static final Caller REP = Callers.REP_EAST_1;
    private static final String MAPPING = """
            {"Code": "code", "Name": "name", "Type": "type", "Region": "regionCode", "E-mail": "email"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ImportRunner runner;

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path dir;

    private static String prefix() {
        return "I" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String options(String extra) {
        return "{\"mapping\": " + MAPPING + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private ResultActions upload(Caller caller, byte[] file, String options) throws Exception {
        return mvc.perform(multipart("/api/v1/customers/imports")
                .file(new MockMultipartFile("file", "customers.csv", "text/csv", file))
                .file(new MockMultipartFile("options", "", MediaType.APPLICATION_JSON_VALUE,
                        options.getBytes(StandardCharsets.UTF_8)))
                .with(caller.asCaller()));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private JsonNode job(Caller caller, String id) {
        try {
            return body(mvc.perform(get("/api/v1/customers/imports/" + id).with(caller.asCaller()))
                    .andExpect(status().isOk()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> errors(Caller caller, String id) throws Exception {
        List<JsonNode> errors = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = body(mvc.perform(get("/api/v1/customers/imports/" + id + "/errors?size=200&page="
                    + page).with(caller.asCaller())).andExpect(status().isOk()));
            body.path("content").forEach(errors::add);
            if (page + 1 >= body.path("page").path("totalPages").asInt()) {
                return errors;
            }
        }
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private void registerExisting(String code) throws Exception {
        mvc.perform(post("/api/v1/customers").with(REP.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"name\":\"Existing\",\"type\":\"DEALER\",\"regionCode\":\"EAST\"}"))
                .andExpect(status().isCreated());
    }

    /** The code a second registration of an existing customer code answers with, whatever the archive calls it. */
    private String duplicateCode(String code) throws Exception {
        return body(mvc.perform(post("/api/v1/customers").with(REP.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code
                        + "\",\"name\":\"Twice\",\"type\":\"DEALER\",\"regionCode\":\"EAST\"}"))
                .andExpect(status().isConflict())).path("code").asString();
    }

    @Test
    void dryRunChecksEveryRowLikeTheImportWouldAndWritesNothing() throws Exception {
        String p = prefix();
        registerExisting(p + "-OLD");
        String taken = duplicateCode(p + "-OLD");
        String csv = """
                Code,Name,Type,Region,E-mail
                %1$s-1,Good One,DEALER,EAST,one@example.com
                %1$s-2,,DEALER,EAST,
                %1$s-3,Bad Type,WHOLESALER,EAST,
                %1$s-OLD,Already There,DEALER,EAST,
                %1$s-1,Same Code As Row One,RETAIL,EAST,
                %1$s-6,Bad Mail,retail,EAST,not-an-address
                %1$s-7,Good Seven,retail,WEST,
                """.formatted(p);
        long customers = count("SELECT COUNT(*) FROM customers");
        long outbox = count("SELECT COUNT(*) FROM outbox_events");
        long jobs = count("SELECT COUNT(*) FROM customer_import_jobs");

        JsonNode result = body(upload(REP, csv.getBytes(StandardCharsets.UTF_8), options("\"dryRun\": true"))
                .andExpect(status().isOk()));

        assertThat(result.path("dryRun").asBoolean()).isTrue();
        assertThat(result.path("progress").path("rowsRead").asLong()).isEqualTo(7);
        assertThat(result.path("progress").path("rowsImported").asLong()).isEqualTo(2);
        assertThat(result.path("progress").path("rowsFailed").asLong()).isEqualTo(5);
        assertThat(result.path("errorsTruncated").asBoolean()).isFalse();
        List<JsonNode> errors = new ArrayList<>();
        result.path("errors").forEach(errors::add);
        assertThat(errors).extracting(e -> e.path("row").asLong(), e -> e.path("line").asLong(),
                        e -> e.path("field").asString(null), e -> e.path("code").asString())
                .containsExactly(
                        tuple(2L, 3L, "name", "VALIDATION_FAILED"),
                        tuple(3L, 4L, "type", "INVALID_VALUE"),
                        tuple(4L, 5L, null, taken),
                        tuple(5L, 6L, null, taken),
                        tuple(6L, 7L, "email", "VALIDATION_FAILED"));
        assertThat(errors.get(1).path("column").asString()).isEqualTo("Type");
        assertThat(count("SELECT COUNT(*) FROM customers")).as("customers").isEqualTo(customers);
        assertThat(count("SELECT COUNT(*) FROM outbox_events")).as("outbox events").isEqualTo(outbox);
        assertThat(count("SELECT COUNT(*) FROM customer_import_jobs")).as("jobs").isEqualTo(jobs);
        assertThat(count("SELECT COUNT(*) FROM customers WHERE code LIKE ?", p + "-%")).isEqualTo(1);
    }

    @Test
    void importsInTheBackgroundAsTheUploaderAndListsTheRowsItRefused() throws Exception {
        String p = prefix();
        String csv = """
                Code,Name,Type,Region,E-mail
                %1$s-1,Good One,DEALER,EAST,one@example.com
                %1$s-2,Bad Type,WHOLESALER,EAST,
                %1$s-3,Good Three,distributor,EAST,
                %1$s-1,Twice,DEALER,EAST,
                """.formatted(p);
        ResultActions accepted = upload(REP, csv.getBytes(StandardCharsets.UTF_8),
                options("\"recordCreated\": true")).andExpect(status().isAccepted());
        JsonNode started = body(accepted);
        String id = started.path("id").asString();
        accepted.andExpect(header().string("Location", "/api/v1/customers/imports/" + id));
        assertThat(started.path("ownerId").asString()).isEqualTo(REP.id());

        JsonNode done = Uploads.awaitFinished(() -> job(REP, id), Duration.ofMinutes(2));

        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("progress").path("rowsRead").asLong()).isEqualTo(4);
        assertThat(done.path("progress").path("rowsImported").asLong()).isEqualTo(2);
        assertThat(done.path("progress").path("rowsFailed").asLong()).isEqualTo(2);
        assertThat(done.path("startedAt").isMissingNode()).isFalse();
        assertThat(done.path("finishedAt").isMissingNode()).isFalse();
        assertThat(errors(REP, id)).extracting(e -> e.path("row").asLong(), e -> e.path("code").asString())
                .containsExactly(tuple(2L, "INVALID_VALUE"), tuple(4L, duplicateCode(p + "-1")));
        List<Map<String, Object>> imported = jdbc.queryForList(
                "SELECT id, owner_id, org_path FROM customers WHERE code LIKE ? ORDER BY code", p + "-%");
        assertThat(imported).extracting(r -> r.get("owner_id"), r -> r.get("org_path"))
                .containsOnly(tuple(REP.id(), REP.orgPath()));
        assertThat(imported).hasSize(2);
        JsonNode created = body(mvc.perform(get("/api/v1/customers/imports/" + id + "/created")
                .with(REP.asCaller())).andExpect(status().isOk()));
        List<String> createdIds = new ArrayList<>();
        created.path("content").forEach(row -> createdIds.add(row.path("customerId").asString()));
        assertThat(createdIds).containsExactlyInAnyOrderElementsOf(
                imported.stream().map(r -> (String) r.get("id")).toList());
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE event_type LIKE '%CustomerRegistered' "
                + "AND message_key IN (SELECT id FROM customers WHERE code LIKE ?)", p + "-%")).isEqualTo(2);
    }

    @Test
    void importsATabSeparatedGbkFileWithChineseNamesAndColumns() throws Exception {
        String p = prefix();
        String text = "编码\t名称\t类型\t区域\n"
                + p + "-1\t上海华东贸易有限公司\tDISTRIBUTOR\tEAST\n"
                + p + "-2\t杭州西湖零售店\tretail\tEAST\n"
                + p + "-3\t\tDEALER\tEAST\n";
        String options = """
                {"charset": "GBK", "delimiter": "TAB",
                 "mapping": {"编码": "code", "名称": "name", "类型": "type", "区域": "regionCode"}}""";
        JsonNode started = body(upload(REP, text.getBytes(Charset.forName("GBK")), options)
                .andExpect(status().isAccepted()));
        String id = started.path("id").asString();

        JsonNode done = Uploads.awaitFinished(() -> job(REP, id), Duration.ofMinutes(2));

        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("options").path("mapping").path("名称").asString()).isEqualTo("name");
        assertThat(jdbc.queryForList("SELECT name FROM customers WHERE code LIKE ? ORDER BY code", String.class,
                p + "-%")).containsExactly("上海华东贸易有限公司", "杭州西湖零售店");
        assertThat(errors(REP, id)).extracting(e -> e.path("row").asLong(), e -> e.path("column").asString(),
                e -> e.path("code").asString()).containsExactly(tuple(3L, "名称", "VALIDATION_FAILED"));
    }

    @Test
    void theSameFileAndOptionsUploadedTwiceGiveTheSameJobAndNoDuplicateCustomers() throws Exception {
        String p = prefix();
        byte[] csv = """
                Code,Name,Type,Region,E-mail
                %1$s-1,Once,DEALER,EAST,
                %1$s-2,Only Once,DEALER,EAST,
                """.formatted(p).getBytes(StandardCharsets.UTF_8);
        String first = body(upload(REP, csv, options("")).andExpect(status().isAccepted())).path("id").asString();
        // the same mapping in another order is the same import
        String reordered = """
                {"mapping": {"E-mail": "email", "Region": "regionCode", "Type": "type", "Name": "name",
                             "Code": "code"}}""";
        ResultActions again = upload(REP, csv, reordered).andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/v1/customers/imports/" + first));
        assertThat(body(again).path("id").asString()).isEqualTo(first);
        Uploads.awaitFinished(() -> job(REP, first), Duration.ofMinutes(2));
        assertThat(body(upload(REP, csv, options("")).andExpect(status().isOk())).path("id").asString())
                .as("after the job completed").isEqualTo(first);

        assertThat(count("SELECT COUNT(*) FROM customers WHERE code LIKE ?", p + "-%")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM customer_import_jobs WHERE file_sha256 = ?",
                job(REP, first).path("fileSha256").asString())).isEqualTo(1);
        // another caller uploading the same file starts their own job (and finds the codes taken)
        String other = body(upload(Callers.REP_EAST_1_B, csv, options("")).andExpect(status().isAccepted()))
                .path("id").asString();
        assertThat(other).isNotEqualTo(first);
        JsonNode otherDone = Uploads.awaitFinished(() -> job(Callers.REP_EAST_1_B, other), Duration.ofMinutes(2));
        assertThat(otherDone.path("progress").path("rowsFailed").asLong()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM customers WHERE code LIKE ?", p + "-%")).isEqualTo(2);
    }

    @Test
    void aMappingToAFieldCustomersDoNotHaveIsRefusedNamingTheValidFields() throws Exception {
        String options = """
                {"mapping": {"Name": "name", "Fax": "faxNumber"}}""";
        upload(REP, "Name,Fax\nAcme,123\n".getBytes(StandardCharsets.UTF_8), options)
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("UNKNOWN_TARGET_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("mapping.Fax"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("faxNumber"),
                        org.hamcrest.Matchers.containsString("regionCode"))));
    }

    @Test
    void aMappedColumnTheFileDoesNotHaveIsRefused() throws Exception {
        upload(REP, "Name\nAcme\n".getBytes(StandardCharsets.UTF_8), options(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_COLUMN"));
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsRefused() throws Exception {
        long jobs = count("SELECT COUNT(*) FROM customer_import_jobs");
        upload(REP, new byte[0], options("")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EMPTY_FILE"));
        upload(REP, "Code,Name,Type,Region,E-mail\n".getBytes(StandardCharsets.UTF_8), options(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EMPTY_FILE"));
        assertThat(count("SELECT COUNT(*) FROM customer_import_jobs")).isEqualTo(jobs);
    }

    @Test
    void badOptionsAreRefusedLikeAnyRequestBody() throws Exception {
        byte[] csv = "Name\nAcme\n".getBytes(StandardCharsets.UTF_8);
        upload(REP, csv, "{\"mapping\": {\"Name\": \"name\"}, \"charset\": \"latin1\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        upload(REP, csv, "{\"mapping\": {\"Name\": \"name\"}, \"encoding\": \"GBK\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        upload(REP, csv, "{\"mapping\": {}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        upload(REP, csv, "{\"mapping\": {\"Name\": \"name\"}, \"delimiter\": \"SEMICOLON\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_VALUE"));
    }

    @Test
    void bytesThatAreNotValidInTheDeclaredCharsetAreAProblemOfTheirRowOnly() throws Exception {
        String p = prefix();
        byte[] good = (p + "-1,Good,DEALER,EAST,\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (p + "-2,上海,DEALER,EAST,\n").getBytes(Charset.forName("GBK"));
        byte[] head = "Code,Name,Type,Region,E-mail\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[head.length + good.length + bad.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        System.arraycopy(bad, 0, csv, head.length, bad.length);
        System.arraycopy(good, 0, csv, head.length + bad.length, good.length);
        upload(REP, csv, options("\"dryRun\": true")).andExpect(status().isOk())
                .andExpect(jsonPath("$.progress.rowsFailed").value(1))
                .andExpect(jsonPath("$.progress.rowsImported").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ENCODING"))
                .andExpect(jsonPath("$.errors[0].column").value("Name"));
    }

    @Test
    void anIdempotencyKeyOnTheUploadIsIgnoredRatherThanBreakingIt() throws Exception {
        mvc.perform(multipart("/api/v1/customers/imports")
                        .file(new MockMultipartFile("file", "c.csv", "text/csv",
                                "Code,Name,Type,Region,E-mail\n,Acme,DEALER,EAST,\n".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("options", "", MediaType.APPLICATION_JSON_VALUE,
                                options("\"dryRun\": true").getBytes(StandardCharsets.UTF_8)))
                        .header("Idempotency-Key", "import-" + UUID.randomUUID())
                        .with(REP.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.progress.rowsImported").value(1));
    }

    @Test
    void aFileOverTheSizeLimitIsA413ProblemNotAServerError() throws Exception {
        // 50 MB is the limit: a file just over it, sent as a real multipart request
        Path big = dir.resolve("big.csv");
        try (var out = Files.newOutputStream(big)) {
            out.write("Code,Name,Type,Region,E-mail\n".getBytes(StandardCharsets.UTF_8));
            byte[] row = ",Acme,DEALER,EAST,\n".getBytes(StandardCharsets.UTF_8);
            long rows = (50L * 1024 * 1024) / row.length + 1000;
            for (long i = 0; i < rows; i++) {
                out.write(row);
            }
        }
        long jobs = count("SELECT COUNT(*) FROM customer_import_jobs");

        HttpResponse<String> response = Uploads.upload("http://localhost:" + port, REP.bearer(), big, options(""));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Uploads.json(response.body()).path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(count("SELECT COUNT(*) FROM customer_import_jobs")).isEqualTo(jobs);
    }

    @Test
    void aJobWhoseProcessStoppedIsMarkedFailedAndNoLongerBlocksTheSameUpload() {
        String id = UUID.randomUUID().toString();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        jdbc.update("""
                INSERT INTO customer_import_jobs (id, status, file_sha256, file_bytes, options, fingerprint, dedup_key,
                    rows_read, rows_imported, rows_failed, rows_skipped, error_count, runner, heartbeat_at, created_at,
                    started_at, owner_id, org_path, version)
                VALUES (?, 'RUNNING', ?, 10, '{}', ?, ?, 400, 390, 10, 0, 10, 'gone-host', ?, ?, ?, ?, ?, 0)""",
                id, "0".repeat(64), id.replace("-", "").repeat(2), id.replace("-", "").repeat(2),
                Timestamp.from(longAgo), Timestamp.from(longAgo), Timestamp.from(longAgo), REP.id(), REP.orgPath());

        // (the instance's own periodic sweep may get there first)
        runner.failStaleJobs();

        JsonNode job = job(REP, id);
        assertThat(job.path("status").asString()).isEqualTo("FAILED");
        assertThat(job.path("failure").path("code").asString()).isEqualTo("INTERRUPTED");
        assertThat(job.path("progress").path("rowsImported").asLong()).isEqualTo(390);
        assertThat(jdbc.queryForObject("SELECT dedup_key FROM customer_import_jobs WHERE id = ?", String.class, id))
                .isNull();
    }

    @Test
    void everyImportEndpointIsInTheOpenApiDocumentWithExamples() throws Exception {
        JsonNode paths = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())).path("paths");
        JsonNode upload = paths.path("/api/v1/customers/imports").path("post");
        assertThat(upload.path("requestBody").path("content").has("multipart/form-data")).isTrue();
        assertThat(upload.path("responses").path("202").path("content").path("application/json")
                .path("examples").size()).isPositive();
        assertThat(upload.path("responses").path("400").path("content").path("application/problem+json")
                .path("examples").size()).isPositive();
        for (String path : List.of("/api/v1/customers/imports/{jobId}/errors",
                "/api/v1/customers/imports/{jobId}/created")) {
            assertThat(paths.path(path).path("get").path("responses").path("200").path("content")
                    .path("application/json").path("examples").size()).as(path).isPositive();
        }
        assertThat(paths.path("/api/v1/customers/imports/{jobId}").path("get").path("description").asString())
                .contains("QUEUED");
        assertThat(paths.path("/api/v1/customers/imports").path("get").isMissingNode()).isFalse();
    }

    @Test
    void jobsAreSeenWithinTheUploadersDataScopeOnly() throws Exception {
        String p = prefix();
        String id = body(upload(REP, ("Code,Name,Type,Region,E-mail\n" + p + "-1,Scoped,DEALER,EAST,\n")
                .getBytes(StandardCharsets.UTF_8), options("")).andExpect(status().isAccepted())).path("id").asString();
        mvc.perform(get("/api/v1/customers/imports/" + id).with(Callers.REP_EAST_1_B.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/imports/" + id + "/errors").with(Callers.REP_WEST_1.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/imports/" + id).with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isOk());
        Uploads.awaitFinished(() -> job(REP, id), Duration.ofMinutes(2));
    }
}
