package io.channelops.sales.quote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders one quote version as a PDF (A4, OpenPDF): header with number, version, status, dates, customer and rep;
 * the lines with list price, discount, agreed unit price, VAT rate and net amount; totals (list, discount, net, VAT,
 * gross); notes and terms. A quote that is not (or no longer) an approved offer says so under the title.
 *
 * <p>Fonts are embedded (Identity-H), so any character the font has is shown: the font configured in
 * {@code channelops.sales.quotes.pdf.font} first (give it a CJK font to show Chinese, Japanese or Korean names), then
 * the Liberation Sans bundled with OpenPDF (Latin, Greek, Cyrillic). A character no font has is left out.
 */
@Component
class QuotePdf {

    private static final Logger log = LoggerFactory.getLogger(QuotePdf.class);
    private static final String BUNDLED_FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final Set<QuoteStatus> OFFERS = EnumSet.of(QuoteStatus.APPROVED, QuoteStatus.SENT,
            QuoteStatus.ACCEPTED);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final List<BaseFont> fonts;
    private final String companyName;

    QuotePdf(QuoteSettings settings) {
        this.fonts = fonts(settings.pdf().font());
        this.companyName = settings.pdf().companyName();
    }

    /** The quote as a PDF document. */
    byte[] render(Quote quote) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Quote " + quote.number() + " v" + quote.quoteVersion());
            document.addCreator(companyName);
            document.open();
            document.add(paragraph(companyName, 11, Font.NORMAL));
            document.add(paragraph("Quote " + quote.number() + "  ·  version " + quote.quoteVersion(), 18,
                    Font.BOLD));
            if (!OFFERS.contains(quote.status())) {
                document.add(paragraph("Status " + quote.status() + ": this is not an approved offer", 10,
                        Font.ITALIC));
            }
            document.add(spacer());
            document.add(header(quote));
            document.add(spacer());
            document.add(lines(quote));
            document.add(totals(quote));
            text(document, "Notes", quote.notes());
            text(document, "Terms", quote.terms());
        } catch (DocumentException ex) {
            throw new IllegalStateException("Cannot render quote " + quote.id() + " as PDF", ex);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private PdfPTable header(Quote quote) {
        PdfPTable table = new PdfPTable(new float[] {1.2f, 2.3f, 1.2f, 2.3f});
        table.setWidthPercentage(100);
        String[][] rows = {
            {"Quote date", DATE.format(quote.quoteDate()), "Valid until", DATE.format(quote.validUntil())},
            {"Customer", quote.customerId(), "Status", quote.status().name()},
            {"Sales rep", quote.ownership().ownerId(), "Currency", quote.currency()},
            {"Opportunity", quote.opportunityId() == null ? "—" : quote.opportunityId(), "Quote id", quote.id()}};
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                PdfPCell cell = cell(row[i], 9, i % 2 == 0 ? Font.BOLD : Font.NORMAL, Element.ALIGN_LEFT);
                cell.setBorder(PdfPCell.NO_BORDER);
                table.addCell(cell);
            }
        }
        return table;
    }

    private PdfPTable lines(Quote quote) {
        PdfPTable table = new PdfPTable(new float[] {0.4f, 2f, 2.8f, 0.8f, 1.2f, 0.8f, 1.2f, 0.7f, 1.4f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        String[] headings = {"#", "SKU", "Product", "Qty", "List price", "Disc. %", "Unit price", "VAT", "Net"};
        for (String heading : headings) {
            PdfPCell cell = cell(heading, 8, Font.BOLD, Element.ALIGN_LEFT);
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        List<QuoteLine> lines = quote.lines();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine line = lines.get(i);
            table.addCell(cell(Integer.toString(i + 1), 8, Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(line.sku(), 8, Font.NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell(line.productName(), 8, Font.NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell(Integer.toString(line.quantity()), 8, Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(amount(line.listUnitPrice()), 8, Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(line.discountPercent().toPlainString(), 8, Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(amount(line.unitPrice()), 8, Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(percent(line.vatRate()), 8, Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(amount(line.netAmount()), 8, Font.NORMAL, Element.ALIGN_RIGHT));
        }
        return table;
    }

    private PdfPTable totals(Quote quote) {
        PdfPTable table = new PdfPTable(new float[] {3f, 1.5f});
        table.setWidthPercentage(45);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(6);
        String currency = " " + quote.currency();
        String[][] rows = {
            {"List total", amount(quote.listTotal()) + currency},
            {"Discount", quote.discountPercent().toPlainString() + " %"},
            {"Net total", amount(quote.netTotal()) + currency},
            {"VAT", amount(quote.vatTotal()) + currency},
            {"Gross total", amount(quote.grossTotal()) + currency}};
        for (String[] row : rows) {
            boolean gross = row[0].equals("Gross total");
            PdfPCell label = cell(row[0], 9, gross ? Font.BOLD : Font.NORMAL, Element.ALIGN_LEFT);
            PdfPCell value = cell(row[1], 9, gross ? Font.BOLD : Font.NORMAL, Element.ALIGN_RIGHT);
            label.setBorder(PdfPCell.NO_BORDER);
            value.setBorder(PdfPCell.NO_BORDER);
            table.addCell(label);
            table.addCell(value);
        }
        return table;
    }

    private void text(Document document, String title, @Nullable String text) throws DocumentException {
        if (text == null || text.isBlank()) {
            return;
        }
        document.add(spacer());
        document.add(paragraph(title, 10, Font.BOLD));
        document.add(paragraph(text, 9, Font.NORMAL));
    }

    private PdfPCell cell(String text, float size, int style, int alignment) {
        PdfPCell cell = new PdfPCell(phrase(text, size, style));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private Paragraph paragraph(String text, float size, int style) {
        return new Paragraph(phrase(text, size, style));
    }

    private Paragraph spacer() {
        return paragraph(" ", 6, Font.NORMAL);
    }

    /** The text set in the first font that has each character. */
    private Phrase phrase(String text, float size, int style) {
        FontSelector selector = new FontSelector();
        for (BaseFont font : fonts) {
            selector.addFont(new Font(font, size, style));
        }
        return selector.process(text);
    }

    private static String amount(BigDecimal amount) {
        return "%,.2f".formatted(amount);
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(QuoteLine.HUNDRED).stripTrailingZeros().toPlainString() + " %";
    }

    /** The configured font (if any, and readable), then the bundled one. */
    private static List<BaseFont> fonts(String configured) {
        List<BaseFont> fonts = new ArrayList<>();
        if (!configured.isBlank()) {
            try {
                fonts.add(BaseFont.createFont(configured.strip(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true));
                log.info("Quote PDFs use font {} first", configured);
            } catch (IOException | RuntimeException ex) {
                log.warn("Cannot load the quote PDF font {} ({}); quotes are rendered with the bundled font only",
                        configured, ex.toString());
            }
        }
        try (InputStream bundled = QuotePdf.class.getClassLoader().getResourceAsStream(BUNDLED_FONT)) {
            if (bundled == null) {
                throw new IllegalStateException("OpenPDF's bundled font " + BUNDLED_FONT + " is missing");
            }
            fonts.add(BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, bundled.readAllBytes(), null));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (DocumentException ex) {
            throw new IllegalStateException("Cannot load the bundled font " + BUNDLED_FONT, ex);
        }
        return List.copyOf(fonts);
    }
}
