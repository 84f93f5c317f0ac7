package io.channelops.sales.product.web;

import io.channelops.sales.product.CategoryService;
import io.channelops.sales.product.ProductCategory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A category: {@code ancestorIds} from the root down to its parent, {@code path} the names from the root down to
 * itself, {@code depth} 1 for a root.
 */
@Schema(example = """
        {"id": "9d1c0b7e-4f3a-4b8e-a1c2-3d4e5f607182", "name": "Centrifugal pumps",
         "parentId": "5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70",
         "ancestorIds": ["5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70"], "path": ["Pumps", "Centrifugal pumps"],
         "depth": 2, "createdAt": "2026-03-01T08:00:00Z", "updatedAt": "2026-03-01T08:00:00Z", "version": 0}""")
public record CategoryResponse(String id, String name, @Nullable String parentId, List<String> ancestorIds,
        List<String> path, int depth, Instant createdAt, Instant updatedAt, long version) {

    static CategoryResponse of(CategoryService.CategoryView view) {
        ProductCategory category = view.category();
        return new CategoryResponse(category.id(), category.name(), category.parentId(), view.ancestorIds(),
                view.pathNames(), category.depth(), category.createdAt(), category.updatedAt(), category.version());
    }
}
