package io.channelops.customer.imports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads an import file one record at a time (RFC 4180 with Apache Commons CSV: quoted cells may hold delimiters,
 * quotes and line breaks), never more than one row in memory. Cells are trimmed; blank lines are skipped and not
 * counted as rows. Bytes that are not valid in the file's charset become U+FFFD, so a row with them can be reported
 * on its own ({@link CsvRow#undecodable()}) instead of failing the whole file.
 */
final class CsvFile implements Closeable {

    private static final char REPLACEMENT = '\uFFFD';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long rows;

    private CsvFile(CSVParser parser, boolean header) {
        this.parser = parser;
        this.records = parser.iterator();
        this.header = header ? readHeader() : List.of();
    }

    static CsvFile open(Path file, ImportOptions options) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            if (options.charset() == ImportCharset.UTF_8) {
                skipByteOrderMark(in);
            }
            CharsetDecoder decoder = options.charset().charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(options.delimiter().character())
                    .setIgnoreEmptyLines(false)
                    .setTrim(true)
                    .get();
            CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, decoder)).setFormat(format)
                    .get();
            return new CsvFile(parser, options.header());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    /** The column names of the first row when the file has a header, else empty. */
    List<String> header() {
        return header;
    }

    /** The next data row, or null at the end of the file. */
    @Nullable CsvRow next() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            if (blank(record)) {
                continue;
            }
            rows++;
            return new CsvRow(rows, line, record.toList());
        }
    }

    /** Reads the rest of the file without keeping it; returns how many data rows it had. */
    long skipRest() {
        long skipped = 0;
        CSVRecord record;
        while ((record = nextRecord()) != null) {
            if (!blank(record)) {
                skipped++;
            }
        }
        return skipped;
    }

    private List<String> readHeader() {
        while (true) {
            CSVRecord record = nextRecord();
            if (record == null) {
                return List.of();
            }
            if (!blank(record)) {
                return new ArrayList<>(record.toList());
            }
        }
    }

    private @Nullable CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedCsv(parser.getCurrentLineNumber() + 1, e.getMessage() == null ? "unreadable CSV"
                    : e.getMessage());
        }
    }

    private static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * One data row.
     *
     * @param row 1-based number of the data row (the header and blank lines are not counted)
     * @param line 1-based line of the file where the row starts
     * @param cells the row's cells, trimmed
     */
    record CsvRow(long row, long line, List<String> cells) {

        /** The cell in 0-based column {@code index}, or empty when the row is shorter. */
        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        static boolean undecodable(String cell) {
            return cell.indexOf(REPLACEMENT) >= 0;
        }
    }

    /** The file is not valid CSV from this line on (an unterminated quote, text after a closing quote). */
    static final class MalformedCsv extends RuntimeException {

        private final long line;

        MalformedCsv(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}
