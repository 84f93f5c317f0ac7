package io.channelops.sales.product.web;

import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.channelops.sales.product.Product;
import io.channelops.sales.product.ProductService;
import io.channelops.sales.product.ProductStatus;
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
 * {@code /api/v1/products}: create, read, change, discontinue and search products. Products are company-wide
 * reference data, not org-scoped: every caller with {@code products:read} sees the whole catalog, and
 * {@code products:write} is needed to create or change it.
 */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The product catalog")
class ProductController {

    private static final Set<String> SORTS = Set.of("sku", "name", "createdAt");

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('products:write')")
    @Operation(summary = "Create a product",
            description = "The SKU must be unique (409 PRODUCT_SKU_TAKEN); a categoryId must name an existing "
                    + "category (422 UNKNOWN_CATEGORY). Send an Idempotency-Key to make retries safe.")
    ResponseEntity<ProductResponse> create(@Valid @RequestBody ProductRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Product product = products.create(request.toNewProduct());
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.id()))
                .eTag(ETags.of(product.version()))
                .body(ProductResponse.of(product));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('products:read')")
    @Operation(summary = "Read a product")
    ResponseEntity<ProductResponse> get(@PathVariable String id) {
        return withETag(products.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('products:write')")
    @Operation(summary = "Change a product",
            description = "Changes name, unit, list price, brand, category, specification, tax category, VAT rate "
                    + "or key-brand flag; absent fields stay, an empty brand or categoryId clears it. Requires the "
                    + "product's ETag in If-Match. A change publishes ProductChanged; one that changes nothing "
                    + "keeps the version.")
    ResponseEntity<ProductResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductChangeRequest request) {
        return withETag(products.change(id, ifMatch, request.toChange()));
    }

    @PostMapping("/{id}/discontinue")
    @PreAuthorize("hasAuthority('products:write')")
    @Operation(summary = "Discontinue a product",
            description = "Only an ACTIVE product can be discontinued (409 ILLEGAL_STATE_TRANSITION otherwise). "
                    + "A discontinued product can no longer be priced. If-Match is optional and checked when sent.")
    ResponseEntity<ProductResponse> discontinue(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(products.discontinue(id, ifMatch));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('products:read')")
    @Operation(summary = "Search products", description = "Filter by status, by text in SKU or name, by category "
            + "(the category and its whole subtree), by brand (whole name, any case) and by the key-brand flag.")
    @ApiResponse(responseCode = "200", description = "A page of products", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "key-brand pumps", value = """
                    {"content": [{"id": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11", "sku": "PUMP-200-SS",
                      "name": "Centrifugal pump 200 l/min", "unit": "EA",
                      "listPrice": {"amount": 1280.50, "currency": "CNY"}, "status": "ACTIVE", "brand": "Aquaflow",
                      "categoryId": "5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70", "taxCategory": "STANDARD",
                      "vatRate": 0.1300, "keyBrand": true, "createdAt": "2026-03-01T08:00:00Z",
                      "updatedAt": "2026-03-01T08:00:00Z", "version": 0}],
                     "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""")))
    PageResponse<ProductResponse> search(@RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @Parameter(description = "A category id: products of it and of every category below it")
            @RequestParam(required = false) @Nullable @Size(max = 36) String categoryId,
            @Parameter(description = "Brand name, matched whole, ignoring case")
            @RequestParam(required = false) @Nullable @Size(max = 100) String brand,
            @Parameter(description = "true: only key brands; false: only the others")
            @RequestParam(required = false) @Nullable Boolean keyBrand,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "sku, name or createdAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        Pageable pageable = Paging.pageable(page, size, sort, Sort.by("createdAt").descending(), SORTS);
        // the id breaks ties, so equal names or times never move between pages
        pageable = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by("id")));
        return PageResponse.of(products.search(new ProductService.Filter(status, q, categoryId, brand, keyBrand), pageable),
                ProductResponse::of);
    }

    private static ResponseEntity<ProductResponse> withETag(Product product) {
        return ResponseEntity.ok().eTag(ETags.of(product.version())).body(ProductResponse.of(product));
    }
}
