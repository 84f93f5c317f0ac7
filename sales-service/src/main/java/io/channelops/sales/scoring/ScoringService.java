package io.channelops.sales.scoring;

import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the scoring configuration, and what leads read from it. Every change of a rule or a threshold raises
 * the rule-set version and queues a {@link RescoreJob} in the same transaction; the lead feature's worker brings
 * every open lead to that version in the background.
 */
@Service
public class ScoringService {

    /** Signal types: upper case letters, digits, {@code _ . -}; 64 characters at most. */
    public static final Pattern SIGNAL_TYPE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}");
    public static final int MAX_POINTS = 1000;

    private static final RowMapper<RescoreJob> JOB = (rs, n) -> new RescoreJob(rs.getString("id"),
            rs.getLong("rules_version"), rs.getString("reason"), rs.getString("status"), rs.getInt("leads_rescored"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());

    private final ScoringRules rules;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ScoringService(ScoringRules rules, JdbcTemplate jdbc, Clock clock) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A saved rule and the rescore job its change queued. */
    public record RuleChange(ScoringRule rule, RescoreJob job) {
    }

    /** New thresholds and the rescore job their change queued. */
    public record SettingsChange(ScoringSettings settings, RescoreJob job) {
    }

    // --- what leads read

    /** The active rules, oldest first. */
    @Transactional(readOnly = true)
    public List<RuleDefinition> activeRules() {
        return rules.findByActiveTrueOrderByCreatedAtAscIdAsc().stream().map(ScoringRule::definition).toList();
    }

    @Transactional(readOnly = true)
    public ScoringSettings settings() {
        return jdbc.queryForObject("SELECT hot_threshold, warm_threshold, rules_version, updated_at "
                + "FROM lead_scoring_settings WHERE id = 1", (rs, n) -> new ScoringSettings(rs.getInt(1),
                rs.getInt(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
    }

    // --- rules

    @Transactional(readOnly = true)
    public List<ScoringRule> rules() {
        return rules.findAllByOrderByCreatedAtAscIdAsc();
    }

    @Transactional(readOnly = true)
    public ScoringRule rule(String id) {
        return rules.findById(id).orElseThrow(() -> ApiProblem.notFound("scoring rule", id));
    }

    @Transactional
    public RuleChange create(String name, RuleDefinition definition, boolean active) {
        RuleDefinition checked = check(definition);
        ScoringRule rule = rules.saveAndFlush(new ScoringRule(checkName(name), checked, active, now()));
        return new RuleChange(rule, queueRescore("rule " + rule.id() + " created"));
    }

    @Transactional
    public RuleChange change(String id, @Nullable String ifMatch, String name, RuleDefinition definition,
            boolean active) {
        ScoringRule rule = rule(id);
        ETags.requireMatch(ifMatch, rule.version(), "scoring rule", id);
        rule.apply(checkName(name), check(definition), active, now());
        ScoringRule saved = rules.saveAndFlush(rule);
        return new RuleChange(saved, queueRescore("rule " + id + " changed"));
    }

    @Transactional
    public RescoreJob delete(String id) {
        ScoringRule rule = rule(id);
        rules.delete(rule);
        rules.flush();
        return queueRescore("rule " + id + " deleted");
    }

    // --- thresholds

    @Transactional
    public SettingsChange changeSettings(int hot, int warm) {
        if (warm >= hot) {
            throw ApiProblem.unprocessable("INVALID_BAND_THRESHOLDS",
                    "The warm threshold must be lower than the hot threshold", warm, hot);
        }
        jdbc.update("UPDATE lead_scoring_settings SET hot_threshold = ?, warm_threshold = ?, updated_at = ? "
                + "WHERE id = 1", hot, warm, Timestamp.from(now()));
        RescoreJob job = queueRescore("band thresholds changed to " + hot + "/" + warm);
        return new SettingsChange(settings(), job);
    }

    // --- rescore jobs

    /** Queues a rescore of every open lead at a new rule-set version (e.g. asked for by an administrator). */
    @Transactional
    public RescoreJob requestRescore(String reason) {
        return queueRescore(reason);
    }

    @Transactional(readOnly = true)
    public RescoreJob job(String id) {
        return jdbc.query("SELECT * FROM lead_rescore_jobs WHERE id = ?", JOB, id).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("rescore job", id));
    }

    @Transactional(readOnly = true)
    public List<RescoreJob> recentJobs(int limit) {
        return jdbc.query("SELECT * FROM lead_rescore_jobs ORDER BY created_at DESC, id LIMIT ?", JOB, limit);
    }

    /** The newest job still pending, which the worker drives to its version. */
    @Transactional(readOnly = true)
    public Optional<RescoreJob> pendingJob() {
        return jdbc.query("SELECT * FROM lead_rescore_jobs WHERE status = 'PENDING' "
                + "ORDER BY rules_version DESC LIMIT 1", JOB).stream().findFirst();
    }

    /** Counts leads a worker brought to the job's version (in the worker's transaction). */
    public void recordProgress(String jobId, int leads) {
        jdbc.update("UPDATE lead_rescore_jobs SET leads_rescored = leads_rescored + ? WHERE id = ?", leads, jobId);
    }

    /** Marks the job done once no open lead is left below its version; a no-op when another replica did. */
    public void finish(String jobId) {
        jdbc.update("UPDATE lead_rescore_jobs SET status = 'DONE', finished_at = ? WHERE id = ? "
                + "AND status = 'PENDING'", Timestamp.from(now()), jobId);
    }

    private RescoreJob queueRescore(String reason) {
        // the settings row is the lock that orders concurrent changes: each gets its own version
        jdbc.queryForObject("SELECT rules_version FROM lead_scoring_settings WHERE id = 1 FOR UPDATE", Long.class);
        jdbc.update("UPDATE lead_scoring_settings SET rules_version = rules_version + 1, updated_at = ? WHERE id = 1",
                Timestamp.from(now()));
        long version = settings().rulesVersion();
        jdbc.update("UPDATE lead_rescore_jobs SET status = 'SUPERSEDED', finished_at = ? "
                + "WHERE status = 'PENDING' AND rules_version < ?", Timestamp.from(now()), version);
        String id = UUID.randomUUID().toString();
        String by = CurrentUser.current().map(CurrentUser::id).orElse("system");
        jdbc.update("INSERT INTO lead_rescore_jobs (id, rules_version, reason, status, leads_rescored, created_by, "
                + "created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)", id, version, reason, by, Timestamp.from(now()));
        return job(id);
    }

    private static String checkName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > 100) {
            throw invalid("name", "A rule name has 1 to 100 characters");
        }
        return stripped;
    }

    /** Checks that the definition is complete and consistent for its kind; 422 INVALID_SCORING_RULE otherwise. */
    static RuleDefinition check(RuleDefinition rule) {
        if (Math.abs(rule.points()) > MAX_POINTS) {
            throw invalid("points", "points lie between -" + MAX_POINTS + " and " + MAX_POINTS);
        }
        if (rule.decayPerWeek() < 0 || rule.decayPerWeek() > MAX_POINTS) {
            throw invalid("decayPerWeek", "decayPerWeek lies between 0 and " + MAX_POINTS);
        }
        List<String> values = new ArrayList<>();
        for (String value : rule.values()) {
            String stripped = value.strip();
            if (stripped.isEmpty() || stripped.length() > 100 || stripped.contains(",")) {
                throw invalid("values", "Each value has 1 to 100 characters and no comma");
            }
            values.add(stripped);
        }
        if (rule.kind() == RuleKind.BEHAVIOUR) {
            if (rule.field() != null || rule.operator() != null || !values.isEmpty() || rule.amount() != null
                    || rule.months() != null) {
                throw invalid("kind", "A BEHAVIOUR rule has a signalType and no field, operator or values");
            }
            String type = rule.signalType() == null ? "" : rule.signalType().strip().toUpperCase(Locale.ROOT);
            if (!SIGNAL_TYPE.matcher(type).matches()) {
                throw invalid("signalType", "A BEHAVIOUR rule needs a signalType of letters, digits, _ . -");
            }
            if (rule.maxCount() != null && rule.maxCount() < 1) {
                throw invalid("maxCount", "maxCount is 1 or more");
            }
            return new RuleDefinition(rule.id(), RuleKind.BEHAVIOUR, null, null, null, null, null, List.of(), type,
                    rule.points(), rule.decayPerWeek(), rule.maxCount());
        }
        RuleField field = rule.field();
        RuleOperator operator = rule.operator();
        if (field == null || operator == null) {
            throw invalid("field", "A FIELD rule needs a field and an operator");
        }
        if (!field.operators().contains(operator)) {
            throw invalid("operator", "Field " + field + " takes the operators " + field.operators());
        }
        if (rule.signalType() != null || rule.maxCount() != null) {
            throw invalid("signalType", "A FIELD rule has no signalType and no maxCount");
        }
        boolean needsValues = operator == RuleOperator.IN || operator == RuleOperator.CONTAINS;
        if (needsValues == values.isEmpty()) {
            throw invalid("values", needsValues ? "Operator " + operator + " needs values"
                    : "Operator " + operator + " takes no values");
        }
        boolean needsAmount = operator == RuleOperator.AT_LEAST;
        if (needsAmount != (rule.amount() != null) || needsAmount != (rule.currency() != null)) {
            throw invalid("amount", needsAmount ? "AT_LEAST needs an amount with its currency"
                    : "Only AT_LEAST takes an amount");
        }
        if (rule.amount() != null && rule.amount().signum() < 0) {
            throw invalid("amount", "The amount cannot be negative");
        }
        boolean needsMonths = operator == RuleOperator.WITHIN_MONTHS;
        if (needsMonths != (rule.months() != null)) {
            throw invalid("months", needsMonths ? "WITHIN_MONTHS needs months" : "Only WITHIN_MONTHS takes months");
        }
        if (rule.months() != null && (rule.months() < 0 || rule.months() > 120)) {
            throw invalid("months", "months lie between 0 and 120");
        }
        return new RuleDefinition(rule.id(), RuleKind.FIELD, field, operator, rule.amount(), rule.currency(),
                rule.months(), values, null, rule.points(), rule.decayPerWeek(), null);
    }

    private static ApiProblem invalid(String field, String detail) {
        return ApiProblem.unprocessable("INVALID_SCORING_RULE", detail, field);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
