package io.channelops.customer.imports;

/**
 * How far an import got.
 *
 * @param rowsRead data rows read from the file (at most the row limit)
 * @param rowsImported rows that became customers (in a dry run: rows that would)
 * @param rowsFailed rows that were refused
 * @param rowsSkipped rows beyond the row limit, neither imported nor checked
 * @param errors row problems recorded (a refused row has at least one)
 */
public record ImportProgress(long rowsRead, long rowsImported, long rowsFailed, long rowsSkipped, long errors) {

    static final ImportProgress NONE = new ImportProgress(0, 0, 0, 0, 0);
}
