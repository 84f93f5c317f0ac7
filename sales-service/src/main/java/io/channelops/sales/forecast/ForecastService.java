package io.channelops.sales.forecast;

import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.security.UserDirectory;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.money.Money;
import io.channelops.sales.opportunity.PipelineProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weighted forecast of a period, computed over the opportunities in the caller's data scope:
 * <ul>
 *   <li>open: the open opportunities whose expected close date lies in the period — their count, Σ amount and Σ
 *       amount × win probability / 100 (the opportunity's own probability, else its stage's default);</li>
 *   <li>won: the opportunities won in the period (by the business day they were won) — count and Σ amount.</li>
 * </ul>
 * Rows are per currency (amounts are never converted) and keyed by the owner rep, their team or their region: the
 * first {@code team-depth} or {@code region-depth} segments of the opportunity's org path (with the defaults 3 and
 * 2, {@code /hq/east/team-1} is team {@code /hq/east/team-1} in region {@code /hq/east}).
 *
 * <p>A manager's override for a rep and period is kept beside the computed figures, never replacing them; every
 * override set or cleared is kept in its history.
 */
@Service
public class ForecastService {

    private final JdbcTemplate jdbc;
    private final ForecastOverrides overrides;
    private final DataScope scope;
    private final UserDirectory directory;
    private final PipelineProperties properties;
    private final Clock clock;

    public ForecastService(JdbcTemplate jdbc, ForecastOverrides overrides, DataScope scope, UserDirectory directory,
            PipelineProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.overrides = overrides;
        this.scope = scope;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    /** One row of the forecast; {@code override} only on rep rows in the override's currency. */
    public record Row(String key, Figures figures, @Nullable ForecastOverride override) {
    }

    /** The forecast of a period: rows by key and currency, and totals per currency. */
    public record Forecast(ForecastPeriod period, GroupBy groupBy, List<Row> rows, List<Figures> totals) {
    }

    /** One rep's computed forecast of a period per currency, the override kept beside it, and its history. */
    public record RepForecast(String repId, ForecastPeriod period, List<Figures> computed,
            @Nullable ForecastOverride override, List<ForecastOverride> history) {
    }

    @Transactional(readOnly = true)
    public Forecast forecast(ForecastPeriod period, GroupBy groupBy) {
        Map<String, Map<String, Figures.Sum>> rows = sums(period, groupBy, null);
        Map<String, Figures.Sum> totals = new TreeMap<>();
        List<Row> result = new ArrayList<>();
        Map<String, ForecastOverride> overridesByRep = new TreeMap<>();
        if (groupBy == GroupBy.REP) {
            overrides.ofPeriod(period.code(), scope.sql("rep_id", "rep_org_path"))
                    .forEach(o -> overridesByRep.put(o.repId(), o));
            // a rep with an override but no pipeline in its currency still gets a row to carry it
            overridesByRep.values().forEach(o -> rows.computeIfAbsent(o.repId(), k -> new TreeMap<>())
                    .computeIfAbsent(o.amount().currency(), Figures.Sum::new));
        }
        rows.forEach((key, byCurrency) -> byCurrency.forEach((currency, sum) -> {
            Figures figures = sum.figures();
            ForecastOverride override = overridesByRep.get(key);
            result.add(new Row(key, figures, override != null && override.amount().currency().equals(currency)
                    ? override : null));
            Figures.Sum total = totals.computeIfAbsent(currency, Figures.Sum::new);
            total.addOpen(figures.openCount(), figures.openAmount(), BigDecimal.ZERO);
            total.addWon(figures.wonCount(), figures.wonAmount());
        }));
        // totals of the weighted amounts are the sums of the rows' rounded amounts, so the report adds up
        Map<String, BigDecimal> weighted = new TreeMap<>();
        result.forEach(row -> weighted.merge(row.figures().currency(), row.figures().weightedAmount(),
                BigDecimal::add));
        List<Figures> totalFigures = totals.values().stream().map(Figures.Sum::figures)
                .map(f -> new Figures(f.currency(), f.openCount(), f.openAmount(),
                        Figures.money(weighted.getOrDefault(f.currency(), BigDecimal.ZERO)), f.wonCount(),
                        f.wonAmount()))
                .toList();
        result.sort(Comparator.comparing(Row::key).thenComparing(row -> row.figures().currency()));
        return new Forecast(period, groupBy, result, totalFigures);
    }

    /** A rep's forecast with the override; the rep must lie within the caller's scope (404 otherwise). */
    @Transactional(readOnly = true)
    public RepForecast ofRep(String repId, ForecastPeriod period) {
        rep(repId);
        return repForecast(repId, period);
    }

    /**
     * Sets a manager's forecast for a rep within the caller's org subtree (404 otherwise) and period, beside the
     * computed one; the previous override stays in the history.
     */
    @Transactional
    public RepForecast override(String repId, ForecastPeriod period, Money amount, @Nullable String note) {
        Ownership rep = rep(repId);
        overrides.set(repId, rep.orgPath(), period.code(), amount, note == null || note.isBlank() ? null
                : note.strip(), scope.caller().id(), now());
        return repForecast(repId, period);
    }

    /** Removes the override of a rep and period (404 when there is none); the history keeps it. */
    @Transactional
    public RepForecast clearOverride(String repId, ForecastPeriod period) {
        Ownership rep = rep(repId);
        if (!overrides.clear(repId, rep.orgPath(), period.code(), scope.caller().id(), now())) {
            throw ApiProblem.notFound("forecast override", repId + "/" + period.code());
        }
        return repForecast(repId, period);
    }

    private RepForecast repForecast(String repId, ForecastPeriod period) {
        Map<String, Figures.Sum> byCurrency = sums(period, GroupBy.REP, repId).getOrDefault(repId, Map.of());
        return new RepForecast(repId, period, byCurrency.values().stream().map(Figures.Sum::figures).toList(),
                overrides.current(repId, period.code()).orElse(null), overrides.history(repId, period.code()));
    }

    /**
     * The rep as an owner the caller may see records of: their org path from the user directory (the caller's own
     * when a rep asks about themselves). Unknown or out of scope: 404, as for any record.
     */
    private Ownership rep(String repId) {
        CurrentUser caller = scope.caller();
        String orgPath = directory.find(repId).map(UserDirectory.DirectoryUser::orgPath)
                .orElse(caller.id().equals(repId) ? caller.orgPath() : null);
        if (orgPath == null || !scope.permits(new Ownership(repId, orgPath))) {
            throw ApiProblem.notFound("rep", repId);
        }
        return new Ownership(repId, orgPath);
    }

    /** Σ by key, then by currency (both sorted), of the opportunities in the caller's scope. */
    private Map<String, Map<String, Figures.Sum>> sums(ForecastPeriod period, GroupBy groupBy,
            @Nullable String onlyRep) {
        DataScope.Sql visible = scope.sql("o.owner_id", "o.org_path");
        String repFilter = onlyRep == null ? "" : " AND o.owner_id = ?";
        Map<String, Map<String, Figures.Sum>> rows = new TreeMap<>();
        jdbc.query("""
                SELECT o.owner_id, o.org_path, o.currency, COUNT(*) AS n, SUM(o.amount) AS amount,
                       SUM(o.amount * COALESCE(o.probability_override, s.probability)) AS weighted100
                  FROM opportunities o JOIN pipeline_stages s ON s.code = o.stage_code
                 WHERE o.status = 'OPEN' AND o.expected_close_date BETWEEN ? AND ? AND %s%s
                 GROUP BY o.owner_id, o.org_path, o.currency""".formatted(visible.condition(), repFilter),
                rs -> {
                    rows.computeIfAbsent(key(groupBy, rs.getString("owner_id"), rs.getString("org_path")),
                                    k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString("currency"), Figures.Sum::new)
                            .addOpen(rs.getLong("n"), rs.getBigDecimal("amount"), rs.getBigDecimal("weighted100"));
                }, args(period, visible, onlyRep));
        jdbc.query("""
                SELECT o.owner_id, o.org_path, o.currency, COUNT(*) AS n, SUM(o.amount) AS amount
                  FROM opportunities o
                 WHERE o.status = 'WON' AND o.closed_on BETWEEN ? AND ? AND %s%s
                 GROUP BY o.owner_id, o.org_path, o.currency""".formatted(visible.condition(), repFilter),
                rs -> {
                    rows.computeIfAbsent(key(groupBy, rs.getString("owner_id"), rs.getString("org_path")),
                                    k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString("currency"), Figures.Sum::new)
                            .addWon(rs.getLong("n"), rs.getBigDecimal("amount"));
                }, args(period, visible, onlyRep));
        return rows;
    }

    private String key(GroupBy groupBy, String ownerId, String orgPath) {
        return switch (groupBy) {
            case REP -> ownerId;
            case TEAM -> OrgUnits.truncate(orgPath, properties.forecast().teamDepth());
            case REGION -> OrgUnits.truncate(orgPath, properties.forecast().regionDepth());
        };
    }

    private static Object[] args(ForecastPeriod period, DataScope.Sql visible, @Nullable String onlyRep) {
        List<Object> args = new ArrayList<>();
        args.add(period.from());
        args.add(period.to());
        args.addAll(visible.args());
        if (onlyRep != null) {
            args.add(onlyRep);
        }
        return args.toArray();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
