package io.channelops.customer.imports;

import io.channelops.platform.observability.InstanceTag;
import io.channelops.platform.web.ApiProblem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background on a bounded pool ({@code workers} threads, {@code queue-capacity} waiting),
 * each as the caller who uploaded it (their token's identity, so what it creates is theirs, exactly as a single
 * create would be) and in their language.
 *
 * <p>A job never stays QUEUED or RUNNING silently: every {@code heartbeat-interval} this process touches the jobs it
 * holds, and any process (at startup, then every interval) marks FAILED with {@code INTERRUPTED} every live job not
 * touched for {@code stale-after} — a job whose process died or restarted. Stopping the service interrupts the
 * running job between batches and fails it (and the queued ones) the same way. A failed job is not resumed: the
 * same file can be uploaded again, and its rows already imported are then reported as duplicates.
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final ImportRows rows;
    private final ImportPipeline pipeline;
    private final ImportTarget<?> target;
    private final Spool spool;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ImportSettings settings;
    private final Clock clock;
    private final String instance;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService keeper;
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    ImportRunner(ImportJobs jobs, ImportRows rows, ImportPipeline pipeline, ImportTarget<?> target, Spool spool,
            JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ImportSettings settings, Clock clock,
            Environment environment) {
        this.jobs = jobs;
        this.rows = rows;
        this.pipeline = pipeline;
        this.target = target;
        this.spool = spool;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
        this.instance = InstanceTag.name(environment);
        BlockingQueue<Runnable> queue = settings.queueCapacity() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(settings.queueCapacity());
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                queue, task -> {
                    Thread thread = new Thread(task, "customer-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.keeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "customer-import-keeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The process a new job is accepted by (its instance name). */
    String instance() {
        return instance;
    }

    /** What a job needs to run: its spooled file, options and who started it. */
    record Work(String jobId, Path file, ImportOptions options, Authentication caller, Locale locale) {
    }

    /** Queues a job; 503 {@code IMPORT_QUEUE_FULL} (and the job FAILED) when every worker and queue slot is taken. */
    void submit(Work work) {
        live.add(work.jobId());
        try {
            executor.execute(() -> run(work));
        } catch (RejectedExecutionException full) {
            live.remove(work.jobId());
            spool.delete(work.file());
            fail(work.jobId(), "IMPORT_QUEUE_FULL", "Too many imports are running; upload the file again later");
            throw new ApiProblem(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "IMPORT_QUEUE_FULL",
                    "Too many imports are running or waiting; try again in a few minutes");
        }
    }

    private void run(Work work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(work.caller());
        SecurityContextHolder.setContext(context);
        LocaleContextHolder.setLocale(work.locale());
        String jobId = work.jobId();
        try {
            transactions.executeWithoutResult(status -> jobs.findById(jobId).orElseThrow()
                    .start(Instant.now(clock)));
            try (CsvFile file = CsvFile.open(work.file(), work.options())) {
                RowMapping mapping = RowMapping.resolve(work.options().mapping(), work.options().header(),
                        file.header(), pipeline.fields(target));
                ImportPipeline.Outcome outcome = pipeline.run(file, mapping, target,
                        new JobSink(jobId, work.options().recordCreated()));
                if (outcome.stoppedBy() != null) {
                    fail(jobId, outcome.stoppedBy().code(), outcome.stoppedBy().message());
                } else {
                    transactions.executeWithoutResult(status -> jobs.findById(jobId).orElseThrow()
                            .complete(outcome.progress(), Instant.now(clock)));
                }
            }
        } catch (ImportPipeline.Interrupted interrupted) {
            Thread.interrupted();
            fail(jobId, "INTERRUPTED", interruptedDetail());
        } catch (ApiProblem | OptimisticLockingFailureException stopped) {
            // the job is no longer RUNNING: another process failed it as stale
            log.warn("Import job {} was stopped from elsewhere: {}", jobId, stopped.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("Import job {} failed", jobId, e);
            fail(jobId, "INTERNAL_ERROR", "An unexpected error stopped the import; quote job " + jobId
                    + " when reporting it");
        } finally {
            spool.delete(work.file());
            live.remove(jobId);
            SecurityContextHolder.clearContext();
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static String interruptedDetail() {
        return "The service stopped or restarted while the file was imported. Rows up to the progress shown were "
                + "processed; upload the file again to import the rest (rows already imported are then reported "
                + "as duplicates)";
    }

    /** Marks a live job FAILED; does nothing to a job that already ended. */
    private void fail(String jobId, String code, String detail) {
        try {
            transactions.executeWithoutResult(status -> jobs.findById(jobId)
                    .filter(job -> job.status().live())
                    .ifPresent(job -> job.fail(code, detail, Instant.now(clock))));
        } catch (RuntimeException e) {
            log.error("Cannot mark import job {} as failed ({}); the stale-job sweep will", jobId, code, e);
        }
    }

    /** Saves a job's progress and its rows' results together, each batch. */
    private final class JobSink implements ImportPipeline.RowSink {

        private final String jobId;
        private final boolean recordCreated;
        private final List<ImportRows.Entry> pending = new ArrayList<>();

        JobSink(String jobId, boolean recordCreated) {
            this.jobId = jobId;
            this.recordCreated = recordCreated;
        }

        @Override
        public void rowFailed(List<RowProblem> problems) {
            problems.forEach(problem -> pending.add(ImportRows.Entry.failed(problem)));
        }

        @Override
        public void fileProblem(RowProblem problem) {
            pending.add(ImportRows.Entry.failed(problem));
        }

        @Override
        public void rowCreated(long row, long line, String id) {
            if (recordCreated) {
                pending.add(ImportRows.Entry.created(row, line, id));
            }
        }

        @Override
        public void checkpoint(ImportProgress progress) {
            transactions.executeWithoutResult(status -> {
                rows.append(jobId, pending);
                jobs.findById(jobId).orElseThrow().progress(progress, Instant.now(clock));
            });
            pending.clear();
        }
    }

    /** Starts the heartbeat and the sweep of stale jobs once the service is up. */
    @EventListener(ApplicationReadyEvent.class)
    void startKeeping() {
        long interval = Math.max(1, settings.heartbeatInterval().toMillis());
        keeper.scheduleWithFixedDelay(this::keep, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void keep() {
        try {
            heartbeat();
            failStaleJobs();
            cleanSpool();
        } catch (RuntimeException e) {
            log.warn("Import job upkeep failed: {}", e.toString());
        }
    }

    private void heartbeat() {
        List<String> ids = List.copyOf(live);
        if (ids.isEmpty()) {
            return;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(Instant.now(clock)));
        args.addAll(ids);
        jdbc.update("UPDATE customer_import_jobs SET heartbeat_at = ? WHERE status IN ('QUEUED', 'RUNNING') "
                + "AND id IN (" + marks + ")", args.toArray());
    }

    /** Fails every live job whose process has not touched it for {@code stale-after}; returns how many. */
    int failStaleJobs() {
        Instant now = Instant.now(clock);
        int failed = jdbc.update("""
                UPDATE customer_import_jobs
                   SET status = 'FAILED', failure_code = 'INTERRUPTED', failure_detail = ?, dedup_key = NULL,
                       finished_at = ?, version = version + 1
                 WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < ?""",
                interruptedDetail(), Timestamp.from(now), Timestamp.from(now.minus(settings.staleAfter())));
        if (failed > 0) {
            log.warn("Marked {} import job(s) FAILED: their process stopped without finishing them", failed);
        }
        return failed;
    }

    private void cleanSpool() {
        Instant before = Instant.now(clock).minus(settings.staleAfter());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool.directory(), "*.csv")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String jobId = name.substring(0, name.length() - ".csv".length());
                if (!live.contains(jobId) && Files.getLastModifiedTime(file).toInstant().isBefore(before)
                        && jobs.findById(jobId).map(job -> !job.status().live()).orElse(true)) {
                    spool.delete(file);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot clean the import spool directory: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        keeper.shutdownNow();
        List<Runnable> waiting = executor.shutdownNow();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            log.warn("Import workers did not stop within 15 s; the stale-job sweep will fail their jobs");
        }
        if (!waiting.isEmpty() || !live.isEmpty()) {
            for (String jobId : List.copyOf(live)) {
                fail(jobId, "INTERRUPTED", interruptedDetail());
            }
        }
    }
}
