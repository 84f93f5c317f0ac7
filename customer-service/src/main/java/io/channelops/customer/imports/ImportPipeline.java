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
 * <p>Writing, in batches of {@code batch-size} rows: the batch's valid rows are created one after the other in one
 * transaction. When the create refuses row k (a duplicate, ...), that transaction rolls back, rows 1..k-1 are
 * created again in one transaction that commits (they passed, with the same rows before them), row k is reported,
 * and the batch goes on from row k+1 in a new transaction. A failing row never takes its neighbours with it, and a
 * batch costs one commit plus, per refused row, the rows before it once more. Should a commit itself fail, the rows
 * are written one transaction each.
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

    /** A row of the current batch: its request to create, or the problems that refused it already. */
    private record Item<T>(CsvRow row, @Nullable T request, List<RowProblem> problems) {
    }

    /** The result of creating one row: the id, or the problem. */
    private record Attempt(@Nullable String id, @Nullable RowProblem problem) {
    }

    /** Row {@code index} of a batch was refused: the batch's transaction rolls back. */
    private static final class Refused extends RuntimeException {

        private final int index;
        private final RuntimeException cause;

        Refused(int index, RuntimeException cause) {
            super("Row " + index + " of the batch was refused", cause, false, false);
            this.index = index;
            this.cause = cause;
        }
    }

    private final class Run<T> {

        private final CsvFile file;
        private final ImportTarget<T> target;
        private final RowSink sink;
        private final boolean dryRun;
        private final RowConverter<T> converter;
        private final List<Item<T>> batch = new ArrayList<>();
        private long read;
        private long imported;
        private long failed;
        private long skipped;
        private long errors;

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
                        flush();
                        skipped = 1 + file.skipRest();
                        fileProblem(new RowProblem(row.row(), row.line(), null, null, "ROW_LIMIT_EXCEEDED",
                                "The file has " + skipped + " row(s) beyond the limit of " + settings.maxRows()
                                        + " rows; rows from " + row.row() + " on were not imported"));
                        break;
                    }
                    read++;
                    RowConverter.Converted<T> converted = converter.convert(row);
                    batch.add(new Item<>(row, converted.request(), converted.problems()));
                    if (batch.size() >= settings.batchSize()) {
                        flush();
                    }
                }
            } catch (CsvFile.MalformedCsv malformed) {
                stoppedBy = new RowProblem(read + 1, malformed.line(), null, null, "MALFORMED_CSV",
                        "The file is not valid CSV from line " + malformed.line() + " on (" + malformed.getMessage()
                                + "); the rest of the file was not read");
            }
            flush();
            if (stoppedBy != null) {
                fileProblem(stoppedBy);
                sink.checkpoint(progress());
            }
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
            List<Item<T>> valid = batch.stream().filter(item -> item.request() != null).toList();
            List<Attempt> attempts = valid.isEmpty() ? List.of()
                    : dryRun ? tryAll(valid)
                    : settings.batchSize() == 1 ? oneByOne(valid)
                    : inBatches(valid);
            // report in row order: the rows refused before writing and those the create refused
            int next = 0;
            for (Item<T> item : batch) {
                if (item.request() == null) {
                    rowFailed(item.problems());
                    continue;
                }
                Attempt attempt = attempts.get(next++);
                if (attempt.problem() != null) {
                    rowFailed(List.of(attempt.problem()));
                } else {
                    imported++;
                    if (attempt.id() != null) {
                        sink.rowCreated(item.row().row(), item.row().line(), attempt.id());
                    }
                }
            }
            batch.clear();
            sink.checkpoint(progress());
        }

        /** Dry run, inside its one transaction: earlier rows stay visible to later ones until the rollback. */
        private List<Attempt> tryAll(List<Item<T>> rows) {
            List<Attempt> attempts = new ArrayList<>(rows.size());
            rows.forEach(item -> {
                Attempt attempt = attempt(item);
                // nothing of a dry run lasts: no id to report
                attempts.add(attempt.problem() != null ? attempt : new Attempt(null, null));
            });
            entityManager.clear();
            return attempts;
        }

        /**
         * The rows in one transaction; when row k is refused, that transaction rolls back, rows before k are written
         * again in one transaction (they passed, with the same rows before them), row k is reported, and the rest
         * go on in a new transaction.
         */
        private List<Attempt> inBatches(List<Item<T>> rows) {
            List<Attempt> attempts = new ArrayList<>(rows.size());
            int from = 0;
            while (from < rows.size()) {
                List<Item<T>> rest = rows.subList(from, rows.size());
                Refused refused = null;
                List<Attempt> written = null;
                try {
                    written = transactions.execute(status -> writeAll(rest));
                } catch (Refused r) {
                    refused = r;
                } catch (RuntimeException commitFailed) {
                    log.info("A batch of {} import rows failed on commit ({}); writing them one by one",
                            rest.size(), commitFailed.toString());
                    written = oneByOne(rest);
                }
                if (refused == null) {
                    attempts.addAll(written);
                    return attempts;
                }
                List<Item<T>> passed = rest.subList(0, refused.index);
                if (!passed.isEmpty()) {
                    try {
                        attempts.addAll(transactions.execute(status -> writeAll(passed)));
                    } catch (RuntimeException again) {
                        // something else changed in between: settle these rows one by one
                        attempts.addAll(oneByOne(passed));
                    }
                }
                attempts.add(failure(rest.get(refused.index).row(), refused.cause));
                from += refused.index + 1;
            }
            return attempts;
        }

        /** Writes every row in the current transaction; the first refusal aborts it naming the row. */
        private List<Attempt> writeAll(List<Item<T>> rows) {
            List<Attempt> written = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                try {
                    written.add(new Attempt(target.create(rows.get(i).request()), null));
                    // the row's INSERTs now, so that a refusal by the database names this row
                    entityManager.flush();
                } catch (RuntimeException e) {
                    throw new Refused(i, e);
                }
            }
            return written;
        }

        private List<Attempt> oneByOne(List<Item<T>> rows) {
            List<Attempt> attempts = new ArrayList<>(rows.size());
            for (Item<T> item : rows) {
                try {
                    attempts.add(new Attempt(transactions.execute(status -> target.create(item.request())), null));
                } catch (RuntimeException e) {
                    attempts.add(failure(item.row(), e));
                }
            }
            return attempts;
        }

        /** Creates one row inside the current transaction and writes it out, so a refusal names this row. */
        private Attempt attempt(Item<T> item) {
            try {
                String id = target.create(item.request());
                entityManager.flush();
                return new Attempt(id, null);
            } catch (RuntimeException e) {
                if (!(e instanceof ApiProblem)) {
                    // the persistence context may hold the failed write: drop it, the rows before are flushed
                    entityManager.clear();
                }
                return failure(item.row(), e);
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
