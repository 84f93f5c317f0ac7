package io.channelops.sales.product.web;

import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.channelops.sales.product.CategoryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/product-categories}: the catalog's category tree. Company-wide reference data like products:
 * {@code products:read} to read, {@code products:write} to change.
 */
@RestController
@RequestMapping("/api/v1/product-categories")
@Tag(name = "Product categories", description = "The catalog's category tree")
class CategoryController {

    private static final Set<String> SORTS = Set.of("name", "depth", "createdAt");

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('products:write')")
    @Operation(summary = "Create a category", description = "A root without parentId, else below an existing "
            + "category (422 UNKNOWN_CATEGORY). Names are unique among siblings (409 CATEGORY_NAME_TAKEN); the tree "
            + "is at most 8 levels deep (422 CATEGORY_TOO_DEEP). Send an Idempotency-Key to make retries safe.")
    ResponseEntity<CategoryResponse> create(@Valid @RequestBody CategoryRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        CategoryService.CategoryView view = categories.create(request.name(), request.parentId());
        return ResponseEntity.created(URI.create("/api/v1/product-categories/" + view.category().id()))
                .eTag(ETags.of(view.category().version())).body(CategoryResponse.of(view));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('products:read')")
    @Operation(summary = "Read a category", description = "With its ancestors and its path of names from the root.")
    ResponseEntity<CategoryResponse> get(@PathVariable String id) {
        return withETag(categories.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('products:write')")
    @Operation(summary = "Rename or move a category", description = "Moves the whole subtree; parentId \"\" makes "
            + "it a root. Moving a category below itself or one of its descendants is refused (422 CATEGORY_CYCLE). "
            + "Requires the category's ETag in If-Match.")
    ResponseEntity<CategoryResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CategoryChangeRequest request) {
        return withETag(categories.change(id, ifMatch, request.toChange()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('products:write')")
    @Operation(summary = "Delete a category", description = "Only a category without sub-categories, products "
            + "and price lists referring to it (409 CATEGORY_IN_USE). If-Match is optional and checked when sent.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        categories.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @PreAuthorize("hasAuthority('products:read')")
    @Operation(summary = "List categories", description = "All categories, the children of parentId, or the roots "
            + "(parentId empty); q filters by text in the name.")
    @ApiResponse(responseCode = "200", description = "A page of categories", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "roots", value = """
                    {"content": [{"id": "5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70", "name": "Pumps", "ancestorIds": [],
                      "path": ["Pumps"], "depth": 1, "createdAt": "2026-03-01T08:00:00Z",
                      "updatedAt": "2026-03-01T08:00:00Z", "version": 0}],
                     "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""")))
    PageResponse<CategoryResponse> search(
            @Parameter(description = "Children of this category; empty for the roots; absent for all")
            @RequestParam(required = false) @Nullable @Size(max = 36) String parentId,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name, depth or createdAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        Pageable pageable = Paging.pageable(page, size, sort, Sort.by("depth").and(Sort.by("name")), SORTS);
        pageable = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by("id")));
        return PageResponse.of(categories.search(new CategoryService.Filter(parentId, q), pageable),
                CategoryResponse::of);
    }

    private static ResponseEntity<CategoryResponse> withETag(CategoryService.CategoryView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.category().version())).body(CategoryResponse.of(view));
    }
}
