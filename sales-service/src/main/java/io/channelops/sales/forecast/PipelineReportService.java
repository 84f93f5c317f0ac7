package io.channelops.sales.forecast;

import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.opportunity.PipelineConfigService;
import io.channelops.sales.opportunity.PipelineProperties;
import io.channelops.sales.opportunity.PipelineStage;
import io.channelops.sales.opportunity.StageKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline by stage (funnel) and the analysis of lost deals, over the opportunities in the caller's data scope.
 *
 * <p><b>Funnel.</b> The cohort is the opportunities opened (created) between {@code from} and {@code to}, business
 * days in the pipeline's time zone, both included. For every stage: how many of them are in it now, with Σ amount
 * and Σ weighted amount (amount × current win probability / 100) per currency; and how many <i>reached</i> it. An
 * opportunity reached an open stage when its stage history shows it entered that stage or a later open one (in
 * pipeline order), or when it was won: skipping a stage passes it, moving back does not undo it. It reached a won or
 * lost stage when it is in it. The conversion of an open stage is the share, in percent (one decimal), of those that
 * reached it which also reached the next open stage, or for the last open stage were won; empty when none reached
 * it. The win rate is won ÷ (won + lost) of the cohort. Stages shown are the active ones and any other that holds
 * opportunities of the cohort.
 *
 * <p><b>Loss reasons.</b> The opportunities lost between {@code from} and {@code to} (the business day they were
 * lost): count and Σ amount per currency per loss reason and per named competitor, the most frequent first.
 */
@Service
public class PipelineReportService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;
    private final DataScope scope;
    private final PipelineConfigService config;
    private final PipelineProperties properties;
    private final Clock clock;

    public PipelineReportService(JdbcTemplate jdbc, DataScope scope, PipelineConfigService config,
            PipelineProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.config = config;
        this.properties = properties;
        this.clock = clock;
    }

    /** A date range of a report, both days included. */
    public record Range(LocalDate from, LocalDate to) {
    }

    /** Σ in one currency; {@code weighted} only where it means something (the funnel). */
    public record Amounts(String currency, long count, BigDecimal amount, @Nullable BigDecimal weighted) {
    }

    /** One stage of the funnel. */
    public record FunnelStage(String stage, String name, StageKind kind, long count, List<Amounts> amounts,
            long reached, @Nullable BigDecimal conversionToNext) {
    }

    /** The funnel of a cohort. */
    public record Funnel(Range range, long opportunities, List<FunnelStage> stages, long won, long lost,
            @Nullable BigDecimal winRate) {
    }

    /** Lost deals for one reason or to one competitor. */
    public record LossGroup(String key, @Nullable String name, long count, @Nullable BigDecimal share,
            List<Amounts> amounts) {
    }

    /** The analysis of the deals lost in a range. */
    public record LossAnalysis(Range range, long lost, List<Amounts> amounts, List<LossGroup> byReason,
            List<LossGroup> byCompetitor) {
    }

    /**
     * The range asked for, or the current quarter (in the pipeline's time zone) for what is missing; 400
     * {@code INVALID_DATE_RANGE} when {@code from} is after {@code to}.
     */
    public Range range(@Nullable LocalDate from, @Nullable LocalDate to) {
        ForecastPeriod quarter = ForecastPeriod.quarterOf(LocalDate.now(clock.withZone(properties.timeZone())));
        Range range = new Range(from == null ? quarter.from() : from, to == null ? quarter.to() : to);
        if (range.from().isAfter(range.to())) {
            throw ApiProblem.badRequest("INVALID_DATE_RANGE", "from " + range.from() + " is after to " + range.to(),
                    range.from(), range.to());
        }
        return range;
    }

    @Transactional(readOnly = true)
    public Funnel funnel(Range range) {
        DataScope.Sql visible = scope.sql("o.owner_id", "o.org_path");
        String cohort = "o.created_at >= ? AND o.created_at < ? AND " + visible.condition();
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(range.from().atStartOfDay(properties.timeZone()).toInstant()));
        args.add(Timestamp.from(range.to().plusDays(1).atStartOfDay(properties.timeZone()).toInstant()));
        args.addAll(visible.args());

        Map<String, Map<String, Amounts>> current = new HashMap<>();
        jdbc.query("""
                SELECT o.stage_code, o.currency, COUNT(*) AS n, SUM(o.amount) AS amount,
                       SUM(o.amount * COALESCE(o.probability_override, s.probability)) AS weighted100
                  FROM opportunities o JOIN pipeline_stages s ON s.code = o.stage_code
                 WHERE\s""" + cohort + " GROUP BY o.stage_code, o.currency", rs -> {
            current.computeIfAbsent(rs.getString("stage_code"), k -> new TreeMap<>()).put(rs.getString("currency"),
                    new Amounts(rs.getString("currency"), rs.getLong("n"), money(rs.getBigDecimal("amount")),
                            rs.getBigDecimal("weighted100").divide(HUNDRED).setScale(2, RoundingMode.HALF_UP)));
        }, args.toArray());

        // per opportunity of the cohort: won or not, and the furthest open stage (by order) its history entered
        List<long[]> furthest = new ArrayList<>();
        jdbc.query("""
                SELECT CASE WHEN o.status = 'WON' THEN 1 ELSE 0 END AS won, MAX(s.sort_order) AS furthest
                  FROM opportunities o
                  JOIN opportunity_stage_changes c ON c.opportunity_id = o.id
                  JOIN pipeline_stages s ON s.code = c.to_stage AND s.kind = 'OPEN'
                 WHERE\s""" + cohort + " GROUP BY o.id, o.status",
                rs -> {
                    furthest.add(new long[] {rs.getLong("won"), rs.getLong("furthest")});
                }, args.toArray());

        List<PipelineStage> shown = config.stages().stream()
                .filter(stage -> stage.active() || current.containsKey(stage.code()))
                .sorted(Comparator.comparing((PipelineStage stage) -> stage.kind().ordinal())
                        .thenComparing(PipelineStage::sortOrder).thenComparing(PipelineStage::code))
                .toList();
        long won = countIn(current, shown, StageKind.WON);
        long lost = countIn(current, shown, StageKind.LOST);
        Map<String, Long> reached = new LinkedHashMap<>();
        for (PipelineStage stage : shown) {
            long count = stage.isOpen()
                    ? furthest.stream().filter(f -> f[0] == 1 || f[1] >= stage.sortOrder()).count()
                    : count(current.get(stage.code()));
            reached.put(stage.code(), count);
        }
        List<PipelineStage> open = shown.stream().filter(PipelineStage::isOpen).toList();
        List<FunnelStage> stages = new ArrayList<>();
        for (PipelineStage stage : shown) {
            BigDecimal conversion = null;
            if (stage.isOpen()) {
                int next = open.indexOf(stage) + 1;
                long nextReached = next < open.size() ? reached.get(open.get(next).code()) : won;
                conversion = percent(nextReached, reached.get(stage.code()));
            }
            Map<String, Amounts> amounts = current.getOrDefault(stage.code(), Map.of());
            stages.add(new FunnelStage(stage.code(), stage.name(), stage.kind(), count(amounts),
                    List.copyOf(amounts.values()), reached.get(stage.code()), conversion));
        }
        long total = current.values().stream().mapToLong(PipelineReportService::count).sum();
        return new Funnel(range, total, stages, won, lost, percent(won, won + lost));
    }

    @Transactional(readOnly = true)
    public LossAnalysis lossReasons(Range range) {
        DataScope.Sql visible = scope.sql("o.owner_id", "o.org_path");
        List<Object> args = new ArrayList<>();
        args.add(range.from());
        args.add(range.to());
        args.addAll(visible.args());
        String lost = "o.status = 'LOST' AND o.closed_on BETWEEN ? AND ? AND " + visible.condition();

        Map<String, Map<String, Amounts>> byReason = grouped("o.loss_reason", lost, args);
        Map<String, Map<String, Amounts>> byCompetitor = grouped("o.competitor",
                lost + " AND o.competitor IS NOT NULL", args);
        Map<String, Amounts> totals = new TreeMap<>();
        byReason.values().forEach(amounts -> amounts.values().forEach(a -> totals.merge(a.currency(), a,
                (x, y) -> new Amounts(x.currency(), x.count() + y.count(), x.amount().add(y.amount()), null))));
        long count = totals.values().stream().mapToLong(Amounts::count).sum();

        Map<String, String> reasonNames = new HashMap<>();
        config.lossReasons().forEach(reason -> reasonNames.put(reason.code(), reason.name()));
        Comparator<LossGroup> mostFirst = Comparator.comparingLong(LossGroup::count).reversed()
                .thenComparing(LossGroup::key);
        List<LossGroup> reasons = byReason.entrySet().stream()
                .map(e -> new LossGroup(e.getKey(), reasonNames.get(e.getKey()), count(e.getValue()),
                        percent(count(e.getValue()), count), List.copyOf(e.getValue().values())))
                .sorted(mostFirst).toList();
        List<LossGroup> competitors = byCompetitor.entrySet().stream()
                .map(e -> new LossGroup(e.getKey(), null, count(e.getValue()), percent(count(e.getValue()), count),
                        List.copyOf(e.getValue().values())))
                .sorted(mostFirst).toList();
        return new LossAnalysis(range, count, List.copyOf(totals.values()), reasons, competitors);
    }

    private Map<String, Map<String, Amounts>> grouped(String column, String where, List<Object> args) {
        Map<String, Map<String, Amounts>> groups = new HashMap<>();
        jdbc.query("SELECT " + column + " AS k, o.currency, COUNT(*) AS n, SUM(o.amount) AS amount "
                + "FROM opportunities o WHERE " + where + " GROUP BY " + column + ", o.currency", rs -> {
                    groups.computeIfAbsent(rs.getString("k"), k -> new TreeMap<>()).put(rs.getString("currency"),
                            new Amounts(rs.getString("currency"), rs.getLong("n"), money(rs.getBigDecimal("amount")),
                                    null));
                }, args.toArray());
        return groups;
    }

    private static long countIn(Map<String, Map<String, Amounts>> current, List<PipelineStage> stages,
            StageKind kind) {
        return stages.stream().filter(stage -> stage.kind() == kind)
                .mapToLong(stage -> count(current.get(stage.code()))).sum();
    }

    private static long count(@Nullable Map<String, Amounts> amounts) {
        return amounts == null ? 0 : amounts.values().stream().mapToLong(Amounts::count).sum();
    }

    private static @Nullable BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
