package io.channelops.sales.lead;

import io.channelops.sales.scoring.RescoreJob;
import io.channelops.sales.scoring.ScoringService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps stored scores current in the background, safe with any number of replicas: each batch locks its leads with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so replicas work on different leads and never rescore one twice at once.
 * <ul>
 *   <li>after a rule or threshold change: every open lead scored with an older rule-set version is rescored
 *       (cause RULES_CHANGED) until none is left, then the job is DONE;</li>
 *   <li>as time passes: every open lead whose {@code score_due_at} (its next decay step, or its timeline entering or
 *       leaving a rule's window) has come is rescored (cause TIME_PASSED).</li>
 * </ul>
 */
@Component
public class LeadRescoring {

    private static final Logger log = LoggerFactory.getLogger(LeadRescoring.class);
    private static final String OPEN = "('NEW', 'WORKING', 'QUALIFIED')";

    private final Leads leads;
    private final LeadScoring scoring;
    private final ScoringService rules;
    private final JdbcTemplate jdbc;
    private final LeadsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeadRescoring(Leads leads, LeadScoring scoring, ScoringService rules, JdbcTemplate jdbc,
            LeadsProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.leads = leads;
        this.scoring = scoring;
        this.rules = rules;
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${channelops.sales.leads.rescore-interval}",
            initialDelayString = "${channelops.sales.leads.rescore-interval}")
    void rescoreInBackground() {
        try {
            while (rescoreBatch() > 0) {
                // next batch
            }
        }
        catch (RuntimeException ex) {
            log.warn("Rescoring after a rule change failed; trying again later: {}", ex.toString());
        }
    }

    @Scheduled(fixedDelayString = "${channelops.sales.leads.score-refresh-interval}",
            initialDelayString = "${channelops.sales.leads.score-refresh-interval}")
    void refreshInBackground() {
        try {
            Instant now = now();
            while (refreshBatch(now) > 0) {
                // next batch
            }
        }
        catch (RuntimeException ex) {
            log.warn("Refreshing lead scores failed; trying again later: {}", ex.toString());
        }
    }

    /**
     * One batch of the newest pending rescore job; marks it DONE when no open lead is left below its version.
     *
     * @return leads rescored in this batch
     */
    public int rescoreBatch() {
        Optional<RescoreJob> pending = rules.pendingJob();
        if (pending.isEmpty()) {
            return 0;
        }
        RescoreJob job = pending.get();
        Integer done = transaction.execute(status -> {
            List<String> ids = jdbc.queryForList("SELECT id FROM leads WHERE status IN " + OPEN
                    + " AND scored_rules_version < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", String.class,
                    job.rulesVersion(), properties.batchSize());
            if (ids.isEmpty()) {
                Long left = jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE status IN " + OPEN
                        + " AND scored_rules_version < ?", Long.class, job.rulesVersion());
                if (left != null && left == 0) {
                    rules.finish(job.id());
                }
                return 0;
            }
            LeadScoring.Rules current = scoring.rules();
            Instant now = now();
            for (String id : ids) {
                leads.findById(id).ifPresent(lead -> {
                    scoring.rescore(lead, current, now, ScoreCause.RULES_CHANGED, "job " + job.id());
                    leads.save(lead);
                });
            }
            rules.recordProgress(job.id(), ids.size());
            return ids.size();
        });
        return done == null ? 0 : done;
    }

    /**
     * One batch of open leads whose stored score is due to change with time by {@code asOf}.
     *
     * @return leads refreshed in this batch
     */
    public int refreshBatch(Instant asOf) {
        Integer done = transaction.execute(status -> {
            List<String> ids = jdbc.queryForList("SELECT id FROM leads WHERE status IN " + OPEN
                    + " AND score_due_at <= ? ORDER BY score_due_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                    String.class, Timestamp.from(asOf), properties.batchSize());
            if (ids.isEmpty()) {
                return 0;
            }
            LeadScoring.Rules current = scoring.rules();
            for (String id : ids) {
                leads.findById(id).ifPresent(lead -> {
                    scoring.rescore(lead, current, asOf, ScoreCause.TIME_PASSED, null);
                    leads.save(lead);
                });
            }
            return ids.size();
        });
        return done == null ? 0 : done;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
