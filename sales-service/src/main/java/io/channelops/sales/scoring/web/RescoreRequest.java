package io.channelops.sales.scoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an administrator asks for a rescore of every open lead. */
@Schema(example = """
        {"reason": "Quarterly recalibration"}""")
public record RescoreRequest(@NotBlank @Size(max = 200) String reason) {
}
