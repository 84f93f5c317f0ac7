package io.channelops.customer.imports;

import io.channelops.customer.imports.CsvFile.CsvRow;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ProblemResponses;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import file row by row and imports (or, in a dry run, tries) each valid row through the target's create
 * use case, so that every row is checked exactly like a single create, duplicates included.
 *
 * <p>Writing, in batches of {@code batch-size} rows:
 * <ol>
 *   <li>the batch's valid rows are created in one transaction that is then rolled back (the probe): the rows the
 *       create refuses (a duplicate, ...) are reported;</li>
 *   <li>the rows that passed are created again in one transaction that commits;</li>
 *   <li>should that fail (another writer created a conflicting customer in between), it rolls back and the rows
 *       are created one transaction each, so a failing row never takes its neighbours with it.</li>
 * </ol>
 * With {@code batch-size: 1} every row is its own transaction. A dry run is one transaction over the whole file,
 * rolled back at the end: later rows see earlier ones, so duplicates within the file are found exactly as the real
 * import would find them, and nothing is ever committed.
 */
@Component
class ImportPipeline {

    private static final Logger log = LoggerFactory.getLogger(ImportPipeline.class);

    private final TransactionTemplate transactions;
    private final EntityManager entityManager;
    private final JsonMapper json;
    private final Validator validator;
    private final ProblemResponses problems;
    private final ImportSettings settings;

    ImportPipeline(PlatformTransactionManager transactionManager, EntityManager entityManager, JsonMapper json,
            Validator validator, ProblemResponses problems, ImportSettings settings) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManager = entityManager;
        // a spreadsheet's "dealer" is the API's DEALER
        this.json = json.rebuild().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
        this.validator = validator;
        this.problems = problems;
        this.settings = settings;
    }

    /** The fields an upload's mapping may name. */
    TargetFields fields(ImportTarget<?> target) {
        return TargetFields.of(json, target.requestType());
    }

    /** Where the rows of a file went. */
    interface RowSink {

        /** One refused row's problems. */
        void rowFailed(List<RowProblem> problems);

        /** A problem with the file rather than one row (the row limit, malformed CSV). */
        void fileProblem(RowProblem problem);

        /** A row became a customer (not called in a dry run). */
        void rowCreated(long row, long line, String id);

        /** The rows so far are written (or tried); a place to save progress. */
        void checkpoint(ImportProgress progress);
    }

    /** The end of a run: its counts and the problem that stopped it early, if any. */
    record Outcome(ImportProgress progress, @Nullable RowProblem stoppedBy) {
    }

    /** Thrown between batches when the thread was interrupted (the process is shutting down). */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("The import was interrupted");
        }
    }

    /** Imports the rows of {@code file}: every row is created or reported. */
    <T> Outcome run(CsvFile file, RowMapping mapping, ImportTarget<T> target, RowSink sink) {
        return new Run<>(file, mapping, target, sink, false).execute();
    }

    /** Checks every row as an import would, in one transaction that is rolled back: nothing is written. */
    <T> Outcome dryRun(CsvFile file, RowMapping mapping, ImportTarget<T> target, RowSink sink) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return new Run<>(file, mapping, target, sink, true).execute();
        });
    }

    /** A row that passed conversion and validation. */
    private record Pending<T>(CsvRow row, T request) {
    }

    /** The result of creating one row: the id, or the problem. */
    private record Attempt(@Nullable String id, @Nullable RowProblem problem) {
    }

    private final class Run<T> {

        private final CsvFile file;
        private final ImportTarget<T> target;
        private final RowSink sink;
        private final boolean dryRun;
        private final RowConverter<T> converter;
        private final List<Pending<T>> batch = new ArrayList<>();
        private long read;
        private long imported;
        private long failed;
        private long skipped;
        private long errors;
        private long sinceCheckpoint;

        Run(CsvFile file, RowMapping mapping, ImportTarget<T> target, RowSink sink, boolean dryRun) {
            this.file = file;
            this.target = target;
            this.sink = sink;
            this.dryRun = dryRun;
            this.converter = new RowConverter<>(mapping, target.requestType(), json, validator);
        }

        Outcome execute() {
            RowProblem stoppedBy = null;
            try {
                CsvRow row;
                while ((row = file.next()) != null) {
                    if (read == settings.maxRows()) {
                        skipped = 1 + file.skipRest();
                        fileProblem(new RowProblem(row.row(), row.line(), null, null, "ROW_LIMIT_EXCEEDED",
                                "The file has " + skipped + " row(s) beyond the limit of " + settings.maxRows()
                                        + " rows; rows from " + row.row() + " on were not imported"));
                        break;
                    }
                    read++;
                    RowConverter.Converted<T> converted = converter.convert(row);
                    if (converted.request() == null) {
                        rowFailed(converted.problems());
                    } else {
                        batch.add(new Pending<>(row, converted.request()));
                    }
                    if (++sinceCheckpoint >= settings.batchSize()) {
                        flush();
                    }
                }
            } catch (CsvFile.MalformedCsv malformed) {
                stoppedBy = new RowProblem(read + 1, malformed.line(), null, null, "MALFORMED_CSV",
                        "The file is not valid CSV from line " + malformed.line() + " on (" + malformed.getMessage()
                                + "); the rest of the file was not read");
                fileProblem(stoppedBy);
            }
            flush();
            return new Outcome(progress(), stoppedBy);
        }

        private ImportProgress progress() {
            return new ImportProgress(read, imported, failed, skipped, errors);
        }

        private void rowFailed(List<RowProblem> problems) {
            failed++;
            errors += problems.size();
            sink.rowFailed(problems);
        }

        private void fileProblem(RowProblem problem) {
            errors++;
            sink.fileProblem(problem);
        }

        private void flush() {
            if (Thread.currentThread().isInterrupted()) {
                throw new Interrupted();
            }
            if (!batch.isEmpty()) {
                if (dryRun) {
                    tryAll();
                } else if (settings.batchSize() == 1) {
                    oneByOne(batch);
                } else {
                    probeThenCommit();
                }
                batch.clear();
            }
            sinceCheckpoint = 0;
            sink.checkpoint(progress());
        }

        /** Dry run, inside its one transaction: earlier rows stay visible to later ones until the rollback. */
        private void tryAll() {
            for (Pending<T> pending : batch) {
                Attempt attempt = attempt(pending);
                if (attempt.problem() != null) {
                    rowFailed(List.of(attempt.problem()));
                } else {
                    imported++;
                }
            }
            entityManager.clear();
        }

        private void probeThenCommit() {
            List<Attempt> probe = transactions.execute(status -> {
                status.setRollbackOnly();
                List<Attempt> attempts = new ArrayList<>(batch.size());
                batch.forEach(pending -> attempts.add(attempt(pending)));
                return attempts;
            });
            List<Pending<T>> passed = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                RowProblem problem = probe.get(i).problem();
                if (problem != null) {
                    rowFailed(List.of(problem));
                } else {
                    passed.add(batch.get(i));
                }
            }
            if (passed.isEmpty()) {
                return;
            }
            List<String> ids;
            try {
                ids = transactions.execute(status -> {
                    List<String> created = new ArrayList<>(passed.size());
                    for (Pending<T> pending : passed) {
                        created.add(target.create(pending.request()));
                    }
                    entityManager.flush();
                    return created;
                });
            } catch (RuntimeException conflict) {
                log.info("A batch of {} import rows conflicted on commit ({}); writing them one by one",
                        passed.size(), conflict.toString());
                oneByOne(passed);
                return;
            }
            for (int i = 0; i < passed.size(); i++) {
                created(passed.get(i).row(), ids.get(i));
            }
        }

        private void oneByOne(List<Pending<T>> rows) {
            for (Pending<T> pending : rows) {
                Attempt attempt;
                try {
                    String id = transactions.execute(status -> target.create(pending.request()));
                    attempt = new Attempt(id, null);
                } catch (RuntimeException e) {
                    attempt = failure(pending.row(), e);
                }
                if (attempt.problem() != null) {
                    rowFailed(List.of(attempt.problem()));
                } else {
                    created(pending.row(), attempt.id());
                }
            }
        }

        private void created(CsvRow row, @Nullable String id) {
            imported++;
            if (id != null) {
                sink.rowCreated(row.row(), row.line(), id);
            }
        }

        /** Creates one row inside the current transaction and writes it out, so a refusal names this row. */
        private Attempt attempt(Pending<T> pending) {
            try {
                String id = target.create(pending.request());
                entityManager.flush();
                return new Attempt(id, null);
            } catch (RuntimeException e) {
                if (!(e instanceof ApiProblem)) {
                    // the persistence context may hold the failed write: drop it, the rows before are flushed
                    entityManager.clear();
                }
                return failure(pending.row(), e);
            }
        }

        private Attempt failure(CsvRow row, RuntimeException e) {
            Locale locale = LocaleContextHolder.getLocale();
            if (e instanceof ApiProblem problem) {
                String message = problems.message("problem." + problem.code() + ".detail", problem.args(), locale,
                        String.valueOf(problem.getMessage()));
                return new Attempt(null, new RowProblem(row.row(), row.line(), null, null, problem.code(),
                        message));
            }
            if (e instanceof ConstraintViolationException invalid) {
                return new Attempt(null, new RowProblem(row.row(), row.line(), null, null, "VALIDATION_FAILED",
                        invalid.getMessage() == null ? "is invalid" : invalid.getMessage()));
            }
            if (e instanceof DataIntegrityViolationException || e instanceof PessimisticLockingFailureException) {
                return new Attempt(null, new RowProblem(row.row(), row.line(), null, null,
                        e instanceof DataIntegrityViolationException ? "DATA_CONFLICT" : "CONCURRENT_MODIFICATION",
                        "The row conflicts with data written at the same time; import it again"));
            }
            log.error("Import row {} failed unexpectedly", row.row(), e);
            return new Attempt(null, new RowProblem(row.row(), row.line(), null, null, "INTERNAL_ERROR",
                    "An unexpected error occurred with this row"));
        }
    }
}
