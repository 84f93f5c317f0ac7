package io.channelops.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ProblemResponses;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * How rows are written, against an in-memory archive whose writes only last when their transaction commits:
 * refused rows never take their neighbours with them, the row limit, a malformed file, and the dry run.
 */
class ImportPipelineTest {

    record Sample(@NotBlank String code, @NotBlank String name) {
    }

    /** Codes are unique; a create is undone when its transaction rolls back. */
    static final class Archive extends AbstractPlatformTransactionManager implements ImportTarget<Sample> {

        final Set<String> committed = new LinkedHashSet<>();
        final List<String> pending = new ArrayList<>();
        int commits;

        @Override
        public Class<Sample> requestType() {
            return Sample.class;
        }

        @Override
        public String create(Sample request) {
            if (committed.contains(request.code()) || pending.contains(request.code())) {
                throw ApiProblem.conflict("CUSTOMER_CODE_TAKEN", "Customer code " + request.code()
                        + " is already in use", request.code());
            }
            pending.add(request.code());
            return "id-" + request.code();
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            pending.clear();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.addAll(pending);
            pending.clear();
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            pending.clear();
        }
    }

    /** What a sink was told. */
    static final class Recorded implements ImportPipeline.RowSink {

        final List<RowProblem> problems = new ArrayList<>();
        final List<String> created = new ArrayList<>();
        final List<ImportProgress> checkpoints = new ArrayList<>();

        @Override
        public void rowFailed(List<RowProblem> rowProblems) {
            problems.addAll(rowProblems);
        }

        @Override
        public void fileProblem(RowProblem problem) {
            problems.add(problem);
        }

        @Override
        public void rowCreated(long row, long line, String id) {
            created.add(row + ":" + id);
        }

        @Override
        public void checkpoint(ImportProgress progress) {
            checkpoints.add(progress);
        }
    }

    @TempDir
    Path dir;

    private final Archive archive = new Archive();
    private final JsonMapper json = JsonMapper.builder().build();

    private ImportPipeline pipeline(int maxRows, int batchSize) {
        ImportSettings settings = new ImportSettings(DataSize.ofMegabytes(1), maxRows, batchSize, 1000, 1, 1, dir,
                Duration.ofSeconds(15), Duration.ofMinutes(2));
        return new ImportPipeline(archive, Mockito.mock(EntityManager.class), json,
                Validation.buildDefaultValidatorFactory().getValidator(), new ProblemResponses(json), settings);
    }

    private CsvFile csv(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("rows.csv"), "Code,Name\n" + text, StandardCharsets.UTF_8);
        return CsvFile.open(file, new ImportOptions(ImportCharset.UTF_8, Delimiter.COMMA, true,
                Map.of("Code", "code", "Name", "name"), true));
    }

    private RowMapping mapping(ImportPipeline pipeline) {
        return RowMapping.resolve(Map.of("Code", "code", "Name", "name"), true, List.of("Code", "Name"),
                pipeline.fields(archive));
    }

    @Test
    void aRefusedRowDoesNotTakeItsNeighboursWithIt() throws IOException {
        ImportPipeline pipeline = pipeline(100, 4);
        Recorded sink = new Recorded();
        try (CsvFile file = csv("A,a\nB,b\nA,again\nC,c\nD,\nE,e\nC,again\nF,f\n")) {
            ImportPipeline.Outcome outcome = pipeline.run(file, mapping(pipeline), archive, sink);
            assertThat(outcome.progress()).isEqualTo(new ImportProgress(8, 5, 3, 0, 3));
        }
        assertThat(archive.committed).containsExactly("A", "B", "C", "E", "F");
        assertThat(sink.problems).extracting(RowProblem::row, RowProblem::line, RowProblem::code)
                .containsExactly(tuple(3L, 4L, "CUSTOMER_CODE_TAKEN"), tuple(5L, 6L, "VALIDATION_FAILED"),
                        tuple(7L, 8L, "CUSTOMER_CODE_TAKEN"));
        assertThat(sink.created).containsExactly("1:id-A", "2:id-B", "4:id-C", "6:id-E", "8:id-F");
        assertThat(sink.checkpoints).extracting(ImportProgress::rowsRead).containsExactly(4L, 8L, 8L);
    }

    @Test
    void rowsBeyondTheLimitAreCountedAndReportedButNotImported() throws IOException {
        ImportPipeline pipeline = pipeline(3, 2);
        Recorded sink = new Recorded();
        try (CsvFile file = csv("A,a\nB,b\nC,c\nD,d\n\nE,e\n")) {
            ImportPipeline.Outcome outcome = pipeline.run(file, mapping(pipeline), archive, sink);
            assertThat(outcome.progress()).isEqualTo(new ImportProgress(3, 3, 0, 2, 1));
            assertThat(outcome.stoppedBy()).isNull();
        }
        assertThat(archive.committed).containsExactly("A", "B", "C");
        assertThat(sink.problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("ROW_LIMIT_EXCEEDED");
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.message()).contains("2 row(s) beyond the limit of 3");
        });
    }

    @Test
    void aMalformedFileStopsThereAfterWritingTheRowsBeforeIt() throws IOException {
        ImportPipeline pipeline = pipeline(100, 10);
        Recorded sink = new Recorded();
        try (CsvFile file = csv("A,a\nB,b\n\"C,c\nD,d\n")) {
            ImportPipeline.Outcome outcome = pipeline.run(file, mapping(pipeline), archive, sink);
            assertThat(outcome.stoppedBy()).isNotNull();
            assertThat(outcome.stoppedBy().code()).isEqualTo("MALFORMED_CSV");
            assertThat(outcome.progress().rowsImported()).isEqualTo(2);
        }
        assertThat(archive.committed).containsExactly("A", "B");
    }

    @Test
    void aDryRunFindsDuplicatesWithinTheFileAndKeepsNothing() throws IOException {
        ImportPipeline pipeline = pipeline(100, 2);
        Recorded sink = new Recorded();
        try (CsvFile file = csv("A,a\nB,b\nC,c\nA,again\n")) {
            ImportPipeline.Outcome outcome = pipeline.dryRun(file, mapping(pipeline), archive, sink);
            assertThat(outcome.progress()).isEqualTo(new ImportProgress(4, 3, 1, 0, 1));
        }
        assertThat(archive.committed).isEmpty();
        assertThat(archive.commits).isZero();
        assertThat(sink.problems).extracting(RowProblem::row, RowProblem::code)
                .containsExactly(tuple(4L, "CUSTOMER_CODE_TAKEN"));
        assertThat(sink.created).isEmpty();
    }

    @Test
    void withABatchSizeOfOneEveryRowIsItsOwnTransaction() throws IOException {
        ImportPipeline pipeline = pipeline(100, 1);
        Recorded sink = new Recorded();
        try (CsvFile file = csv("A,a\nA,b\nB,b\n")) {
            pipeline.run(file, mapping(pipeline), archive, sink);
        }
        assertThat(archive.committed).containsExactly("A", "B");
        assertThat(archive.commits).isEqualTo(2);
    }
}
