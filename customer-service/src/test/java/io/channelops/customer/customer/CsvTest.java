package io.channelops.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesValuesWithSeparatorsQuotesOrLineBreaksAndEndsLinesWithCrLf() {
        assertThat(Csv.line(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 42)))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42\r\n");
    }

    @Test
    void neutralisesFormulasButKeepsPhoneNumbersAndNegativeNumbers() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(Csv.cell("-x")).isEqualTo("'-x");
        assertThat(Csv.cell("+86 138 1234 5678")).isEqualTo("+86 138 1234 5678");
        assertThat(Csv.cell("-12.5")).isEqualTo("-12.5");
    }
}
