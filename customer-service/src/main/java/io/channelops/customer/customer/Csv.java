package io.channelops.customer.customer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV lines as RFC 4180 has them: comma-separated, CRLF-terminated; a value containing a comma, a double quote, CR
 * or LF is enclosed in double quotes with its quotes doubled. A value a spreadsheet would run as a formula (starting
 * with {@code =}, {@code @}, a tab or CR, or with {@code +}/{@code -} not followed by a digit) gets a leading
 * apostrophe, so an exported file cannot carry formulas ({@code +86 138...} stays a phone number).
 */
public final class Csv {

    private Csv() {
    }

    public static String line(List<? extends @Nullable Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (formulaLike(text)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean formulaLike(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        if (first == '+' || first == '-') {
            return text.length() == 1 || !Character.isDigit(text.charAt(1)) && text.charAt(1) != ' ';
        }
        return false;
    }
}
