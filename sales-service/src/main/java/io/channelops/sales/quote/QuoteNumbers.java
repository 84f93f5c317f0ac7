package io.channelops.sales.quote;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out quote numbers {@code Q-YYYY-NNNNNN}, counting from 1 each year. The year's row of
 * {@code quote_number_sequences} is locked ({@code SELECT ... FOR UPDATE}) until the creating transaction ends, so
 * replicas creating quotes at the same time wait for each other instead of taking the same number; a rolled-back
 * creation gives its number back.
 */
@Component
class QuoteNumbers {

    private final JdbcTemplate jdbc;

    QuoteNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of {@code year}; must run inside the transaction that stores the quote. */
    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        // creates the year's row once; a concurrent first insert of the same year is a harmless no-op
        jdbc.update("INSERT INTO quote_number_sequences (seq_year, next_value) VALUES (?, 1) "
                + "ON DUPLICATE KEY UPDATE next_value = next_value", year);
        Long next = jdbc.queryForObject("SELECT next_value FROM quote_number_sequences WHERE seq_year = ? FOR UPDATE",
                Long.class, year);
        if (next == null || next > 999_999) {
            throw new IllegalStateException("Quote numbers of " + year + " are exhausted");
        }
        jdbc.update("UPDATE quote_number_sequences SET next_value = ? WHERE seq_year = ?", next + 1, year);
        return format(year, next);
    }

    static String format(int year, long value) {
        return "Q-%04d-%06d".formatted(year, value);
    }
}
