package io.channelops.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.customer.imports.CsvFile.CsvRow;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path dir;

    private static ImportOptions options(ImportCharset charset, Delimiter delimiter, boolean header) {
        return new ImportOptions(charset, delimiter, header, Map.of("Name", "name"), false);
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("f.csv"), content);
    }

    private static List<CsvRow> rows(CsvFile csv) {
        List<CsvRow> rows = new ArrayList<>();
        CsvRow row;
        while ((row = csv.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void skipsTheUtf8ByteOrderMarkSoTheFirstHeaderNameMatches() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Name,Type\nAcme,DEALER\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(text, 0, content, 3, text.length);
        try (CsvFile csv = CsvFile.open(file(content), options(ImportCharset.UTF_8, Delimiter.COMMA, true))) {
            assertThat(csv.header()).containsExactly("Name", "Type");
            assertThat(rows(csv)).extracting(CsvRow::cells).containsExactly(List.of("Acme", "DEALER"));
        }
    }

    @Test
    void numbersDataRowsAndTheLinesTheyStartOnAcrossQuotedLineBreaksAndBlankLines() throws IOException {
        String text = "Name,Note\r\nA,one\r\n\r\nB,\"two\nlines\"\nC,\"say \"\"hi\"\", ok\"\n";
        try (CsvFile csv = CsvFile.open(file(text.getBytes(StandardCharsets.UTF_8)),
                options(ImportCharset.UTF_8, Delimiter.COMMA, true))) {
            List<CsvRow> rows = rows(csv);
            assertThat(rows).extracting(CsvRow::row).containsExactly(1L, 2L, 3L);
            assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 4L, 6L);
            assertThat(rows.get(1).cells()).containsExactly("B", "two\nlines");
            assertThat(rows.get(2).cells()).containsExactly("C", "say \"hi\", ok");
        }
    }

    @Test
    void readsGbkWithTabsAndTrimsCells() throws IOException {
        String text = "名称\t类型\n 上海贸易有限公司 \tDEALER\n";
        try (CsvFile csv = CsvFile.open(file(text.getBytes(Charset.forName("GBK"))),
                options(ImportCharset.GBK, Delimiter.TAB, true))) {
            assertThat(csv.header()).containsExactly("名称", "类型");
            CsvRow row = csv.next();
            assertThat(row).isNotNull();
            assertThat(row.cells()).containsExactly("上海贸易有限公司", "DEALER");
        }
    }

    @Test
    void marksCellsWithBytesTheCharsetCannotDecode() throws IOException {
        byte[] gbk = "Name\n上海\n".getBytes(Charset.forName("GBK"));
        try (CsvFile csv = CsvFile.open(file(gbk), options(ImportCharset.UTF_8, Delimiter.COMMA, true))) {
            CsvRow row = csv.next();
            assertThat(row).isNotNull();
            assertThat(CsvRow.undecodable(row.cell(0))).isTrue();
        }
    }

    @Test
    void withoutAHeaderTheFirstLineIsRowOne() throws IOException {
        try (CsvFile csv = CsvFile.open(file("A,1\nB,2".getBytes(StandardCharsets.UTF_8)),
                options(ImportCharset.UTF_8, Delimiter.COMMA, false))) {
            assertThat(csv.header()).isEmpty();
            List<CsvRow> rows = rows(csv);
            assertThat(rows).extracting(CsvRow::row).containsExactly(1L, 2L);
            assertThat(rows).extracting(CsvRow::line).containsExactly(1L, 2L);
            assertThat(rows.get(1).cell(5)).isEmpty();
        }
    }

    @Test
    void anUnterminatedQuoteStopsTheFileWithItsLine() throws IOException {
        try (CsvFile csv = CsvFile.open(file("Name\nA\n\"B\nC\n".getBytes(StandardCharsets.UTF_8)),
                options(ImportCharset.UTF_8, Delimiter.COMMA, true))) {
            assertThat(csv.next()).isNotNull();
            assertThatThrownBy(csv::next).isInstanceOf(CsvFile.MalformedCsv.class);
        }
    }

    @Test
    void countsTheRowsItSkips() throws IOException {
        try (CsvFile csv = CsvFile.open(file("Name\nA\nB\n\nC\nD\n".getBytes(StandardCharsets.UTF_8)),
                options(ImportCharset.UTF_8, Delimiter.COMMA, true))) {
            assertThat(csv.next()).isNotNull();
            assertThat(csv.skipRest()).isEqualTo(3);
        }
    }
}
