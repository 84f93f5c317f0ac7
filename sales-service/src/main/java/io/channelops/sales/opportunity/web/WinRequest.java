package io.channelops.sales.opportunity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Closes an opportunity as won; the body is optional. */
@Schema(example = """
        {"note": "Purchase order received"}""")
public record WinRequest(@Nullable @Size(max = 2000) String note) {
}
