package io.channelops.customer.imports;

import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Use cases of customer import: check a file without writing anything (dry run), start a background import job,
 * and follow it. Jobs are owned records: their {@link DataScope} decides who sees them (the uploader, their managers,
 * directors and auditors), exactly like the customers they create.
 */
@Service
public class ImportService {

    private final Spool spool;
    private final ImportPipeline pipeline;
    private final ImportRunner runner;
    private final ImportTarget<?> target;
    private final ImportJobs jobs;
    private final ImportRows rows;
    private final DataScope scope;
    private final JsonMapper json;
    private final ImportSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportService(Spool spool, ImportPipeline pipeline, ImportRunner runner, ImportTarget<?> target, ImportJobs jobs,
            ImportRows rows, DataScope scope, JsonMapper json, ImportSettings settings,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.spool = spool;
        this.pipeline = pipeline;
        this.runner = runner;
        this.target = target;
        this.jobs = jobs;
        this.rows = rows;
        this.scope = scope;
        this.json = json;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** An uploaded file: its name as the client gave it, and its content. */
    public record Upload(@Nullable String fileName, InputStream content) {
    }

    /**
     * What a dry run found.
     *
     * @param errors the first {@code max-returned-errors} problems, in row order
     * @param errorsTruncated whether there were more problems than returned ({@code progress.errors} counts all)
     */
    public record DryRun(String fileSha256, ImportProgress progress, List<RowProblem> errors,
            boolean errorsTruncated) {
    }

    /** A started import: the job, and whether this upload created it or found the same import already there. */
    public record Submission(ImportJob job, boolean created) {
    }

    /** The customer fields a mapping may name. */
    public Set<String> fields() {
        return pipeline.fields(target).names();
    }

    /**
     * Checks every row as the import would, duplicates against the database and earlier rows of the file included,
     * in one transaction that is rolled back: nothing is written.
     */
    public DryRun dryRun(Upload upload, ImportOptions options) {
        Spool.Spooled file = spool.store(upload.content(), "dry-" + UUID.randomUUID());
        try {
            RowMapping mapping = check(file, options);
            List<RowProblem> errors = new ArrayList<>();
            int cap = settings.maxReturnedErrors();
            ImportPipeline.RowSink sink = new ImportPipeline.RowSink() {
                @Override
                public void rowFailed(List<RowProblem> problems) {
                    problems.forEach(this::fileProblem);
                }

                @Override
                public void fileProblem(RowProblem problem) {
                    if (errors.size() < cap) {
                        errors.add(problem);
                    }
                }

                @Override
                public void rowCreated(long row, long line, String id) {
                    // a dry run creates nothing that lasts
                }

                @Override
                public void checkpoint(ImportProgress progress) {
                    // nothing to save
                }
            };
            try (CsvFile csv = CsvFile.open(file.path(), options)) {
                ImportPipeline.Outcome outcome = pipeline.dryRun(csv, mapping, target, sink);
                return new DryRun(file.sha256(), outcome.progress(), List.copyOf(errors),
                        outcome.progress().errors() > errors.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            spool.delete(file.path());
        }
    }

    /**
     * Starts a background import of the file as the caller. The same caller uploading the same bytes with the same
     * options while an earlier such import is queued, running or completed gets that job back (created false)
     * instead of importing twice; after a FAILED one, a new job starts.
     */
    public Submission submit(Upload upload, ImportOptions options) {
        Spool.Spooled file = spool.store(upload.content(), "upload-" + UUID.randomUUID());
        boolean handedOver = false;
        try {
            check(file, options);
            String fingerprint = fingerprint(file.sha256(), options);
            Optional<ImportJob> existing = jobs.findByDedupKey(fingerprint);
            if (existing.isPresent()) {
                return new Submission(existing.get(), false);
            }
            ImportJob job;
            try {
                job = transactions.execute(status -> jobs.saveAndFlush(ImportJob.queue(upload.fileName(),
                        file.sha256(), file.bytes(), optionsJson(options), fingerprint, runner.instance(),
                        scope.forNewRecord(), Instant.now(clock))));
            } catch (DataIntegrityViolationException sameImportStartedMeanwhile) {
                return jobs.findByDedupKey(fingerprint).map(found -> new Submission(found, false))
                        .orElseThrow(() -> sameImportStartedMeanwhile);
            }
            // the job's id names its spooled file
            Path named = Files.move(file.path(), file.path().resolveSibling(job.id() + ".csv"));
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            runner.submit(new ImportRunner.Work(job.id(), named, options, caller, LocaleContextHolder.getLocale()));
            handedOver = true;
            return new Submission(job, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!handedOver) {
                spool.delete(file.path());
            }
        }
    }

    /** A job the caller may see; 404 otherwise. */
    @Transactional(readOnly = true)
    public ImportJob get(String id) {
        return scope.visible(jobs.findById(id), ImportJob::ownership, "import job", id);
    }

    /** The jobs the caller may see. */
    @Transactional(readOnly = true)
    public Page<ImportJob> list(Pageable pageable) {
        return jobs.findAll(scope.specification(), pageable);
    }

    /** A page of a visible job's refused rows (or created customers), in row order; 404 for a job out of scope. */
    @Transactional(readOnly = true)
    public Page<ImportRows.Entry> rows(String id, ImportRows.Outcome outcome, Pageable pageable) {
        ImportJob job = get(id);
        return rows.page(job.id(), outcome, pageable);
    }

    /** The mapping checked against the file's start: 400 for an empty file or a mapping that does not fit. */
    private RowMapping check(Spool.Spooled file, ImportOptions options) {
        if (file.bytes() == 0) {
            throw new ImportRejected("EMPTY_FILE", "The file is empty", List.of(new FieldProblem("file",
                    "has no rows")));
        }
        try (CsvFile csv = CsvFile.open(file.path(), options)) {
            if (options.header() && csv.header().isEmpty()) {
                throw new ImportRejected("EMPTY_FILE", "The file has no rows", List.of(new FieldProblem("file",
                        "has no rows")));
            }
            RowMapping mapping = RowMapping.resolve(options.mapping(), options.header(), csv.header(),
                    pipeline.fields(target));
            if (csv.next() == null) {
                throw new ImportRejected("EMPTY_FILE", "The file has a header but no data rows",
                        List.of(new FieldProblem("file", "has no data rows")));
            }
            return mapping;
        } catch (CsvFile.MalformedCsv malformed) {
            throw new ImportRejected("MALFORMED_CSV", "The file is not valid CSV at line " + malformed.line(),
                    List.of(new FieldProblem("file", String.valueOf(malformed.getMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String optionsJson(ImportOptions options) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("charset", options.charset().label());
        values.put("delimiter", options.delimiter().name());
        values.put("header", options.header());
        values.put("mapping", options.mapping());
        values.put("recordCreated", options.recordCreated());
        return json.writeValueAsString(values);
    }

    /** The same caller, the same bytes and the same options (the mapping's order aside) give the same value. */
    private String fingerprint(String fileSha256, ImportOptions options) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("caller", scope.caller().id());
        canonical.put("file", fileSha256);
        canonical.put("charset", options.charset().label());
        canonical.put("delimiter", options.delimiter().name());
        canonical.put("header", options.header());
        canonical.put("mapping", new TreeMap<>(options.mapping()));
        canonical.put("recordCreated", options.recordCreated());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
