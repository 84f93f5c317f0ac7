package io.channelops.sales.product.web;

import io.channelops.sales.product.CategoryService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Renames and/or moves a category with its whole subtree: {@code parentId} names the new parent, {@code ""} makes it
 * a root; absent fields stay as they are.
 */
@Schema(example = """
        {"name": "Centrifugal pumps (industrial)", "parentId": ""}""")
public record CategoryChangeRequest(
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Size(max = 36) String parentId) {

    CategoryService.Change toChange() {
        return new CategoryService.Change(name, parentId);
    }
}
