package io.channelops.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.platform.test.AccessMatrix;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.platform.test.TokenChecks;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may do what with customer imports, over real HTTP as every kind of caller: jobs are owned records (seen like
 * the uploader's customers, 404 outside that scope), uploading needs customers:write, following customers:read.
 */
@ServiceIntegrationTest
class ImportsAccessMatrixIT {

    private static final String OPTIONS = """
            {"mapping": {"Code": "code", "Name": "name", "Type": "type", "Region": "regionCode"}%s}""";

    @Autowired
    JdbcTemplate jdbc;

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path dir;

    private String jobOfOwner;

    private String base() {
        return "http://localhost:" + port;
    }

    private Path csv(String name) {
        try {
            return Files.writeString(dir.resolve(name + ".csv"), "Code,Name,Type,Region\n"
                    + "A" + UUID.randomUUID().toString().substring(0, 8) + ",Matrix import,DEALER,EAST\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One finished import job uploaded by the matrix's owner (rep A of team east-1). */
    private String jobOfOwner() {
        if (jobOfOwner == null) {
            HttpResponse<String> response = Uploads.upload(base(), AccessMatrix.OWNER.bearer(), csv("owner"),
                    OPTIONS.formatted(""));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = Uploads.json(response.body()).path("id").asString();
            Uploads.awaitFinished(() -> Uploads.json(Uploads.get(base(), AccessMatrix.OWNER.bearer(),
                    "/api/v1/customers/imports/" + id).body()), Duration.ofMinutes(2));
            jobOfOwner = id;
        }
        return jobOfOwner;
    }

    @Test
    void everyImportEndpointAnswersEveryCallerAsTheAccessRulesRequire() {
        AccessMatrix matrix = new AccessMatrix("customer-imports", base());
        matrix.endpoint("GET", "/api/v1/customers/imports/{id}").requires("customers:read").ok(200)
                .record(this::jobOfOwner);
        matrix.endpoint("GET", "/api/v1/customers/imports/{id}/errors").requires("customers:read").ok(200)
                .record(this::jobOfOwner);
        matrix.endpoint("GET", "/api/v1/customers/imports/{id}/created").requires("customers:read").ok(200)
                .record(this::jobOfOwner);
        matrix.listing("/api/v1/customers/imports?size=200", "customers:read", this::jobOfOwner);
        matrix.verify();
    }

    @Test
    void uploadingNeedsCustomersWriteAndIsNotScopedToARecord() {
        // a dry run writes nothing, so every caller can be tried; the upload is multipart, which the matrix's
        // JSON requests cannot send, hence this loop over the matrix's callers and rules
        List<String> mismatches = new ArrayList<>();
        Path file = csv("upload");
        for (Caller caller : AccessMatrix.callers("customers:write")) {
            int expected = AccessMatrix.expected(caller, "customers:write", false, 200);
            HttpResponse<String> response = Uploads.upload(base(), caller.bearer(), file,
                    OPTIONS.formatted(", \"dryRun\": true"));
            boolean problem = response.statusCode() < 400 || response.headers().firstValue("Content-Type")
                    .map(type -> type.startsWith("application/problem+json")).orElse(false);
            if (response.statusCode() != expected || !problem) {
                mismatches.add(caller + ": expected " + expected + ", got " + response.statusCode() + " "
                        + response.body());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void requestsWithoutAValidTokenAre401ProblemsBeforeAnythingElse() {
        String id = jobOfOwner();
        TokenChecks checks = new TokenChecks(base());
        checks.rejectInvalidTokens("GET", "/api/v1/customers/imports/" + id, null);
        checks.rejectInvalidTokens("GET", "/api/v1/customers/imports/" + id + "/errors", null);
        checks.rejectInvalidTokens("GET", "/api/v1/customers/imports", null);
        long jobs = count();
        HttpResponse<String> anonymous = Uploads.upload(base(), "Bearer not-a-token", csv("anonymous"),
                OPTIONS.formatted(""));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(count()).isEqualTo(jobs);
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customer_import_jobs", Long.class);
        return count == null ? 0 : count;
    }
}
