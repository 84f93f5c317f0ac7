package io.channelops.customer.imports;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What happened to the rows of import jobs (table {@code customer_import_rows}): every problem of every refused row,
 * and the created customer of each imported row when the job keeps them. Append-only, written in row order in the
 * transaction that records the job's progress.
 */
@Repository
public class ImportRows {

    /** Whether an entry is about a refused row or a created customer. */
    public enum Outcome { FAILED, CREATED }

    /** One entry; {@code customerId} for CREATED, {@code code} and {@code message} for FAILED. */
    public record Entry(Outcome outcome, long row, long line, @Nullable String column, @Nullable String field,
            @Nullable String code, @Nullable String message, @Nullable String customerId) {

        static Entry failed(RowProblem problem) {
            return new Entry(Outcome.FAILED, problem.row(), problem.line(), problem.column(), problem.field(),
                    problem.code(), problem.message(), null);
        }

        static Entry created(long row, long line, String customerId) {
            return new Entry(Outcome.CREATED, row, line, null, null, null, null, customerId);
        }
    }

    private final JdbcTemplate jdbc;

    ImportRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(String jobId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            args.add(new Object[] {jobId, e.outcome().name(), e.row(), e.line(), cut(e.column(), 255),
                    cut(e.field(), 100), e.code(), e.message(), e.customerId()});
        }
        jdbc.batchUpdate("""
                INSERT INTO customer_import_rows (job_id, outcome, row_no, line_no, column_name, field, code, message,
                                                  customer_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
    }

    /** A page of one job's entries with this outcome, in row order. */
    Page<Entry> page(String jobId, Outcome outcome, Pageable pageable) {
        Long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM customer_import_rows WHERE job_id = ? AND outcome = ?", Long.class, jobId,
                outcome.name());
        List<Entry> content = jdbc.query("""
                SELECT outcome, row_no, line_no, column_name, field, code, message, customer_id
                  FROM customer_import_rows WHERE job_id = ? AND outcome = ?
                 ORDER BY id LIMIT ? OFFSET ?""",
                (rs, i) -> new Entry(Outcome.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                jobId, outcome.name(), pageable.getPageSize(), pageable.getOffset());
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
