package io.channelops.sales.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.platform.security.Ownership;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** The PDF rendering of a quote, read back with OpenPDF's text extractor. */
class QuotePdfTest {

    /** Where Debian's CJK font packages put their fonts (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk). */
    private static final List<String> CJK_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0");

    private static Quote quote(String productName, String notes) {
        PricedProduct price = new PricedProduct("p-1", "PUMP-200", productName, "PRICE_LIST", "pl-1", "pll-1",
                new BigDecimal("1280.50"), new BigDecimal("1216.48"), new BigDecimal("1100.00"), 20, "CNY",
                new BigDecimal("0.1300"));
        LocalDate date = LocalDate.of(2026, 11, 20);
        return Quote.draft("q-1", "Q-2026-000042", new Quote.Header("cust-42", "opp-7", "CNY", date,
                date.plusDays(30), notes, "30 days net"), List.of(QuoteLine.price(price, 40, null,
                new BigDecimal("5"))), new Ownership("u-rep-east1-a", "/hq/east/team-1"), "u-rep-east1-a",
                Instant.parse("2026-11-20T08:00:00Z"));
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private static QuotePdf renderer(String font) {
        return new QuotePdf(new QuoteSettings(30, "CNY", ZoneOffset.UTC, null, new QuoteSettings.Pdf(font,
                "Acme Pumps Ltd")));
    }

    @Test
    void showsTheNumberVersionPartiesLinesTotalsNotesAndTerms() throws Exception {
        String text = text(renderer("").render(quote("Centrifugal pump 200 l/min", "Delivery to the Suzhou plant")));
        // 1,216.48 × 0.95 = 1,155.66; × 40 = 46,226.40; VAT 13 % 6,009.43; gross 52,235.83
        assertThat(text).contains("Acme Pumps Ltd", "Quote Q-2026-000042", "version 1", "cust-42", "opp-7",
                "u-rep-east1-a", "2026-11-20", "2026-12-20", "PUMP-200", "Centrifugal pump 200 l/min", "1,216.48",
                "1,155.66", "46,226.40", "6,009.43", "52,235.83", "13 %", "Delivery to the Suzhou plant",
                "30 days net", "not an approved offer");
    }

    @Test
    void withoutACjkFontTheRestOfACjkNameIsStillRendered() throws Exception {
        String text = text(renderer("").render(quote("Pump 离心泵 X2", "Ü ß é")));
        assertThat(text).contains("Quote Q-2026-000042", "Pump", "X2", "Ü ß é");
        assertThat(text).doesNotContain("离心泵");
    }

    @Test
    void anUnreadableFontFallsBackToTheBundledOne() throws Exception {
        String text = text(renderer("/no/such/font.ttf").render(quote("Valve", "")));
        assertThat(text).contains("Quote Q-2026-000042", "Valve");
    }

    @Test
    void withACjkFontConfiguredChineseNamesAreRendered() throws Exception {
        String font = CJK_FONTS.stream().filter(f -> Files.isReadable(Path.of(f.substring(0, f.indexOf(',')))))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(font != null, "no CJK font installed here (e.g. apt-get install fonts-wqy-microhei)");
        String text = text(renderer(font).render(quote("离心泵 200 升/分钟", "交货到苏州工厂")));
        assertThat(text).contains("Quote Q-2026-000042", "离心泵", "交货到苏州工厂");
    }
}
