package io.channelops.sales.forecast;

import io.channelops.platform.security.DataScope;
import io.channelops.sales.money.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Managers' forecast overrides (one per rep and period) and their history; private to this feature. */
@Component
class ForecastOverrides {

    private final JdbcTemplate jdbc;

    ForecastOverrides(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ForecastOverride> current(String repId, String period) {
        return jdbc.query("""
                SELECT rep_id, period, 'SET' AS action, amount, currency, note, set_by, set_at
                  FROM forecast_overrides WHERE rep_id = ? AND period = ?""", ForecastOverrides::override, repId,
                period).stream().findFirst();
    }

    /** The current overrides of a period whose reps lie within {@code visible} (on rep_id, rep_org_path). */
    List<ForecastOverride> ofPeriod(String period, DataScope.Sql visible) {
        List<Object> args = new ArrayList<>();
        args.add(period);
        args.addAll(visible.args());
        return jdbc.query("""
                SELECT rep_id, period, 'SET' AS action, amount, currency, note, set_by, set_at
                  FROM forecast_overrides WHERE period = ? AND\s""" + visible.condition(),
                ForecastOverrides::override, args.toArray());
    }

    List<ForecastOverride> history(String repId, String period) {
        return jdbc.query("""
                SELECT rep_id, period, action, amount, currency, note, set_by, set_at
                  FROM forecast_override_history WHERE rep_id = ? AND period = ? ORDER BY id""",
                ForecastOverrides::override, repId, period);
    }

    void set(String repId, String repOrgPath, String period, Money amount, @Nullable String note, String by,
            Instant at) {
        Object[] values = {amount.amount(), amount.currency(), note, repOrgPath, by, Timestamp.from(at), repId, period};
        String update = """
                UPDATE forecast_overrides SET amount = ?, currency = ?, note = ?, rep_org_path = ?, set_by = ?,
                       set_at = ?
                 WHERE rep_id = ? AND period = ?""";
        if (jdbc.update(update, values) == 0) {
            try {
                jdbc.update("""
                        INSERT INTO forecast_overrides (amount, currency, note, rep_org_path, set_by, set_at, rep_id,
                                                        period)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", values);
            } catch (DuplicateKeyException ex) {
                // set at the same moment by someone else: the later write wins, as it would have a moment later
                jdbc.update(update, values);
            }
        }
        record(repId, repOrgPath, period, "SET", amount.amount(), amount.currency(), note, by, at);
    }

    /** Removes the current override; false when there was none. */
    boolean clear(String repId, String repOrgPath, String period, String by, Instant at) {
        int deleted = jdbc.update("DELETE FROM forecast_overrides WHERE rep_id = ? AND period = ?", repId, period);
        if (deleted > 0) {
            record(repId, repOrgPath, period, "CLEARED", null, null, null, by, at);
        }
        return deleted > 0;
    }

    private void record(String repId, String repOrgPath, String period, String action, @Nullable BigDecimal amount,
            @Nullable String currency, @Nullable String note, String by, Instant at) {
        jdbc.update("""
                INSERT INTO forecast_override_history (rep_id, period, action, amount, currency, note, rep_org_path,
                                                       set_by, set_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", repId, period, action, amount, currency, note, repOrgPath, by,
                Timestamp.from(at));
    }

    private static ForecastOverride override(ResultSet rs, int row) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        return new ForecastOverride(rs.getString("rep_id"), rs.getString("period"), rs.getString("action"),
                amount == null ? null : new Money(amount, rs.getString("currency")), rs.getString("note"),
                rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
    }
}
