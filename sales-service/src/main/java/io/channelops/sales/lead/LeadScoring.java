package io.channelops.sales.lead;

import io.channelops.sales.scoring.Band;
import io.channelops.sales.scoring.LeadScorer;
import io.channelops.sales.scoring.RuleDefinition;
import io.channelops.sales.scoring.ScoringService;
import io.channelops.sales.scoring.ScoringSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings a lead's stored score up to date in the caller's transaction: evaluates the field conditions (keeping
 * since when each has held), reads the lead's signals, runs {@link LeadScorer}, stores score, band, when it next
 * changes with time and the rule-set version, and records a history entry when score or band changed.
 */
@Component
class LeadScoring {

    private final ScoringService scoring;
    private final JdbcTemplate jdbc;

    LeadScoring(ScoringService scoring, JdbcTemplate jdbc) {
        this.scoring = scoring;
        this.jdbc = jdbc;
    }

    /** The rules and thresholds in force, read once for a batch of leads. */
    record Rules(List<RuleDefinition> rules, ScoringSettings settings) {
    }

    Rules rules() {
        // settings first: a rule change between the two reads is then rescored again under its newer version
        ScoringSettings settings = scoring.settings();
        return new Rules(scoring.activeRules(), settings);
    }

    /** Rescores an open lead as of {@code asOf}; true when its score or band changed. The lead must be stored. */
    boolean rescore(Lead lead, Rules rules, Instant asOf, ScoreCause cause, @Nullable String detail) {
        Map<String, Instant> previous = new HashMap<>();
        jdbc.query("SELECT rule_id, met_since FROM lead_field_conditions WHERE lead_id = ?",
                rs -> {
                    previous.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, lead.id());
        Map<String, Instant> starts = LeadScorer.conditionStarts(rules.rules(), lead.facts(), previous, asOf);
        for (String ruleId : previous.keySet()) {
            if (!starts.containsKey(ruleId)) {
                jdbc.update("DELETE FROM lead_field_conditions WHERE lead_id = ? AND rule_id = ?", lead.id(), ruleId);
            }
        }
        starts.forEach((ruleId, since) -> {
            if (!previous.containsKey(ruleId)) {
                jdbc.update("INSERT INTO lead_field_conditions (lead_id, rule_id, met_since) VALUES (?, ?, ?)",
                        lead.id(), ruleId, Timestamp.from(since));
            }
        });
        List<LeadScorer.Signal> signals = jdbc.query(
                "SELECT id, type, occurred_at FROM lead_signals WHERE lead_id = ?",
                (rs, n) -> new LeadScorer.Signal(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                lead.id());
        LeadScorer.Result result = LeadScorer.score(rules.rules(), lead.facts(), starts, signals, asOf);
        Band band = rules.settings().band(result.score());
        int oldScore = lead.score();
        Band oldBand = lead.band();
        boolean changed = lead.score(result.score(), band, result.nextChangeAt(), rules.settings().rulesVersion(),
                asOf);
        if (changed || cause == ScoreCause.CREATED) {
            boolean first = cause == ScoreCause.CREATED;
            jdbc.update("""
                    INSERT INTO lead_score_history (id, lead_id, old_score, new_score, old_band, new_band, cause,
                                                    detail, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), lead.id(),
                    first ? null : oldScore, result.score(), first ? null : oldBand.name(), band.name(),
                    cause.name(), detail, Timestamp.from(asOf));
        }
        return changed;
    }

    /** The lead's score history, newest first. */
    List<ScoreHistoryEntry> history(String leadId, int limit) {
        return jdbc.query("""
                SELECT old_score, new_score, old_band, new_band, cause, detail, changed_at FROM lead_score_history
                 WHERE lead_id = ? ORDER BY changed_at DESC, id LIMIT ?""", (rs, n) -> new ScoreHistoryEntry(
                (Integer) rs.getObject(1), rs.getInt(2), rs.getString(3) == null ? null : Band.valueOf(rs.getString(3)),
                Band.valueOf(rs.getString(4)), ScoreCause.valueOf(rs.getString(5)), rs.getString(6),
                rs.getTimestamp(7).toInstant()), leadId, limit);
    }
}
