package io.channelops.customer.imports.web;

import io.channelops.customer.imports.Delimiter;
import io.channelops.customer.imports.ImportCharset;
import io.channelops.customer.imports.ImportOptions;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code options} part of an upload: how to read the file and which column fills which customer field. */
@Schema(name = "ImportOptions", example = """
        {"charset": "UTF-8", "delimiter": "COMMA", "header": true, "dryRun": false,
         "mapping": {"Code": "code", "Customer name": "name", "Type": "type", "Region": "regionCode",
                     "E-mail": "email"}}""")
public record ImportRequest(
        @Schema(description = "UTF-8 (default; a byte order mark is skipped) or GBK", example = "UTF-8",
                allowableValues = {"UTF-8", "GBK"})
        @Nullable @Pattern(regexp = "(?i)UTF-8|GBK", message = "must be UTF-8 or GBK") String charset,
        @Schema(description = "COMMA (default) or TAB") @Nullable Delimiter delimiter,
        @Schema(description = "Whether the first row names the columns (default true)") @Nullable Boolean header,
        @Schema(description = "Column → customer field. With a header the keys are column names, without one "
                + "1-based column numbers (\"1\", \"2\", ...). The values are field names of the customer-create "
                + "request (POST /api/v1/customers); a list field (e.g. tags) takes several values separated by "
                + "';' and may be mapped from several columns")
        @NotEmpty @Size(max = 200)
        Map<@NotBlank @Size(max = 255) String, @NotBlank @Size(max = 100) String> mapping,
        @Schema(description = "true: check every row and write nothing, answer 200 with the problems; false "
                + "(default): import in the background, answer 202 with the job")
        @Nullable Boolean dryRun,
        @Schema(description = "Keep the id of every created customer, listed at .../{jobId}/created "
                + "(default false)")
        @Nullable Boolean recordCreated) {

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    ImportOptions toOptions() {
        return new ImportOptions(charset == null ? ImportCharset.UTF_8 : ImportCharset.of(charset),
                delimiter == null ? Delimiter.COMMA : delimiter, header == null || header, mapping,
                Boolean.TRUE.equals(recordCreated));
    }
}
