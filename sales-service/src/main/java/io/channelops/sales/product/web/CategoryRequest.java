package io.channelops.sales.product.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Creates a category: a root without {@code parentId}, else below that existing category. */
@Schema(example = """
        {"name": "Centrifugal pumps", "parentId": "5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70"}""")
public record CategoryRequest(
        @NotBlank @Size(max = 100) String name,
        @Nullable @Size(max = 36) String parentId) {
}
