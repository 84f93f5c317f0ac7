package io.channelops.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The done-when: a generated 100,000-row CSV with exactly 1,000 bad rows (1%) at known row numbers, five
 * kinds of badness, imported as one background job. The job must report exactly those rows with the right codes,
 * and every other row must be in the database. Prints the import rate and the heap (used after GC) before and after;
 * no timing is asserted.
 */
@ServiceIntegrationTest
class CustomerImportVolumeIT {

    private static final int ROWS = 100_000;
    private static final Caller REP = Callers.REP_EAST_1;
    private static final String[] TYPES = {"DIRECT", "DISTRIBUTOR", "dealer", "Agent", "RETAIL", "GOVERNMENT",
            "PARTNER"};

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportSettings settings;

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path dir;

    /** The five kinds of bad row, by the code the job must report. */
    private enum Bad { MISSING_NAME, BAD_TYPE, BAD_EMAIL, TOO_LONG, DUPLICATE_CODE }

    /** Rows 50, 150, 250, ... are bad (exactly 1,000), in turn each kind; every other row is good. */
    private static Bad badness(int row) {
        return row % 100 == 50 ? Bad.values()[(row / 100) % Bad.values().length] : null;
    }

    private static String code(String run, int row) {
        return run + String.format(Locale.ROOT, "%07d", row);
    }

    /** Streams the file to disk: one row at a time, never the whole file in memory. */
    private Path generate(String run) throws IOException {
        Path file = dir.resolve("customers-100k.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Code,Customer name,Type,Region,E-mail\n");
            for (int row = 1; row <= ROWS; row++) {
                Bad bad = badness(row);
                String code = bad == Bad.DUPLICATE_CODE ? code(run, row - 1) : code(run, row);
                String name = bad == Bad.MISSING_NAME ? "" : bad == Bad.TOO_LONG ? "N".repeat(201)
                        : "\"Customer " + row + ", " + run + "\"";
                String type = bad == Bad.BAD_TYPE ? "WHOLESALER" : TYPES[row % TYPES.length];
                String email = bad == Bad.BAD_EMAIL ? "no-at-sign.example.com"
                        : row % 3 == 0 ? "" : "buyer" + row + "@example.com";
                out.write(code + "," + name + "," + type + ",EAST," + email + "\n");
            }
        }
        return file;
    }

    /** Heap in use after a full collection, in MiB. */
    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** The largest heap in use right after any collection since the last call, in MiB (no collection forced). */
    private static long liveHeapAfterRecentGcs() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used / (1024 * 1024);
    }

    @Test
    void importsAHundredThousandRowsAndReportsExactlyTheThousandBadOnes() throws Exception {
        String run = "V" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String base = "http://localhost:" + port;
        // whatever code the archive answers a second registration of a customer code with
        String duplicate = duplicateCodeProblem(base, run);
        Path file = generate(run);
        Map<Long, String> expected = new TreeMap<>();
        for (int row = 1; row <= ROWS; row++) {
            Bad bad = badness(row);
            if (bad != null) {
                expected.put((long) row, switch (bad) {
                    case MISSING_NAME, BAD_EMAIL, TOO_LONG -> "VALIDATION_FAILED";
                    case BAD_TYPE -> "INVALID_VALUE";
                    case DUPLICATE_CODE -> duplicate;
                });
            }
        }
        assertThat(expected).hasSize(1000);
        String options = """
                {"mapping": {"Code": "code", "Customer name": "name", "Type": "type", "Region": "regionCode",
                             "E-mail": "email"}}""";
        long heapBefore = heapAfterGc();
        long maxRuntime = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        Instant start = Instant.now();

        HttpResponse<String> accepted = Uploads.upload(base, REP.bearer(), file, options);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Uploads.json(accepted.body()).path("id").asString();
        AtomicLong peakLive = new AtomicLong();
        JsonNode done = Uploads.awaitFinished(() -> {
            peakLive.accumulateAndGet(liveHeapAfterRecentGcs(), Math::max);
            return Uploads.json(Uploads.get(base, REP.bearer(), "/api/v1/customers/imports/" + id).body());
        }, Duration.ofMinutes(40));
        Duration took = Duration.between(start, Instant.now());
        long heapAfter = heapAfterGc();

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        JsonNode progress = done.path("progress");
        assertThat(progress.path("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(progress.path("rowsFailed").asLong()).isEqualTo(1000);
        assertThat(progress.path("rowsImported").asLong()).isEqualTo(ROWS - 1000);
        assertThat(progress.path("errors").asLong()).isEqualTo(1000);
        Map<Long, String> reported = new TreeMap<>();
        Set<Long> linesOff = new HashSet<>();
        for (int page = 0; page < 5; page++) {
            JsonNode errors = Uploads.json(Uploads.get(base, REP.bearer(),
                    "/api/v1/customers/imports/" + id + "/errors?size=200&page=" + page).body());
            assertThat(errors.path("page").path("totalElements").asLong()).isEqualTo(1000);
            errors.path("content").forEach(error -> {
                long row = error.path("row").asLong();
                reported.put(row, error.path("code").asString());
                if (error.path("line").asLong() != row + 1) {
                    linesOff.add(row);
                }
            });
        }
        assertThat(reported).isEqualTo(expected);
        assertThat(linesOff).as("rows whose line is not row + 1 (header)").isEmpty();
        Long imported = jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE code LIKE ? AND owner_id = ?",
                Long.class, run + "%", REP.id());
        assertThat(imported).isEqualTo(ROWS - 1000L);

        double rate = ROWS / (took.toMillis() / 1000.0);
        String summary = String.format(Locale.ROOT, "IMPORT BENCH rows=%d bad=%d took=%.1fs rate=%.0f rows/s "
                        + "batchSize=%s heapAfterGcBeforeMiB=%d heapAfterGcAfterMiB=%d peakLiveHeapDuringMiB=%d "
                        + "maxHeapMiB=%d cores=%d",
                ROWS, 1000, took.toMillis() / 1000.0, rate, settings.batchSize(), heapBefore, heapAfter, peakLive.get(), maxRuntime,
                Runtime.getRuntime().availableProcessors());
        System.out.println(summary);
        Files.writeString(Path.of("target", "import-bench.txt"), summary + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static String duplicateCodeProblem(String base, String run) throws Exception {
        String body = "{\"code\":\"P" + run + "-DUP\",\"name\":\"Probe\",\"type\":\"DEALER\",\"regionCode\":\"EAST\"}";
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/customers"))
                .header("Authorization", REP.bearer()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(409);
        return Uploads.json(second.body()).path("code").asString();
    }
}
