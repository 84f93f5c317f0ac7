package io.channelops.sales.forecast;

import io.channelops.platform.web.ApiProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forecast period: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month ({@code 2026-11}), with its first
 * and last day.
 */
public record ForecastPeriod(String code, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** Parses a period; 400 {@code INVALID_PERIOD} when it is none of the three forms. */
    public static ForecastPeriod parse(String period) {
        String code = period.strip().toUpperCase(Locale.ROOT);
        try {
            Matcher m = QUARTER.matcher(code);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int quarter = Integer.parseInt(m.group(2));
                LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
                return new ForecastPeriod(code, from, from.plusMonths(3).minusDays(1));
            }
            m = MONTH.matcher(code);
            if (m.matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new ForecastPeriod(code, month.atDay(1), month.atEndOfMonth());
            }
            m = YEAR.matcher(code);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                return new ForecastPeriod(code, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
        } catch (DateTimeException ex) {
            // a month 13 and the like: invalid like any other text
        }
        throw ApiProblem.badRequest("INVALID_PERIOD", "Period " + period + " is not a year (2026), a quarter "
                + "(2026-Q4) or a month (2026-11)", period);
    }

    /** The quarter a day lies in. */
    public static ForecastPeriod quarterOf(LocalDate day) {
        return parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
    }
}
