package io.channelops.sales.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.platform.web.ApiProblem;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Forecast periods, teams and regions. */
class ForecastPeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2026-Q4, 2026-Q4, 2026-10-01, 2026-12-31",
            "2026-q1, 2026-Q1, 2026-01-01, 2026-03-31",
            "2024-02, 2024-02, 2024-02-01, 2024-02-29",
            "2026-11, 2026-11, 2026-11-01, 2026-11-30",
            "2026, 2026, 2026-01-01, 2026-12-31"})
    void parsesYearsQuartersAndMonths(String text, String code, LocalDate from, LocalDate to) {
        assertThat(ForecastPeriod.parse(text)).isEqualTo(new ForecastPeriod(code, from, to));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q0", "2026-Q5", "2026-00", "2026-13", "26-Q1", "2026-W40", "", "Q4-2026"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> ForecastPeriod.parse(text)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("INVALID_PERIOD"));
    }

    @ParameterizedTest
    @CsvSource({
            "/hq/east/team-1, 2, /hq/east",
            "/hq/east/team-1, 3, /hq/east/team-1",
            "/hq/east/team-1/, 3, /hq/east/team-1",
            "/hq/east, 3, /hq/east",
            "/hq, 2, /hq",
            "/hq/east/team-1/desk-7, 3, /hq/east/team-1"})
    void teamsAndRegionsArePrefixesOfTheOrgPath(String orgPath, int depth, String unit) {
        assertThat(OrgUnits.truncate(orgPath, depth)).isEqualTo(unit);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01, 2026-Q1", "2026-03-31, 2026-Q1", "2026-04-01, 2026-Q2", "2026-12-31, 2026-Q4"})
    void findsTheQuarterOfADay(LocalDate day, String quarter) {
        assertThat(ForecastPeriod.quarterOf(day).code()).isEqualTo(quarter);
    }
}
