package io.channelops.sales.product;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.sales.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the product catalog; each one transaction. The one way other features reach products. */
@Service
public class ProductService {

    private final Products products;
    private final CategoryService categories;
    private final CatalogSettings settings;
    private final Clock clock;

    public ProductService(Products products, CategoryService categories, CatalogSettings settings, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What a client may set when creating a product; a null unit means {@value Product#DEFAULT_UNIT}, a null tax
     * category or VAT rate the configured defaults ({@link CatalogSettings}).
     */
    public record NewProduct(String sku, String name, @Nullable String unit, Money listPrice, @Nullable String brand,
            @Nullable String categoryId, @Nullable ProductSpecification specification, @Nullable String taxCategory,
            @Nullable BigDecimal vatRate, boolean keyBrand) {

        public NewProduct(String sku, String name, @Nullable String unit, Money listPrice) {
            this(sku, name, unit, listPrice, null, null, null, null, null, false);
        }
    }

    /** What a client may change; null leaves a value as it is, an empty brand or category id clears it. */
    public record Change(@Nullable String name, @Nullable String unit, @Nullable Money listPrice,
            @Nullable String brand, @Nullable String categoryId, @Nullable ProductSpecification specification,
            @Nullable String taxCategory, @Nullable BigDecimal vatRate, @Nullable Boolean keyBrand) {

        public Change(@Nullable String name, @Nullable String unit, @Nullable Money listPrice) {
            this(name, unit, listPrice, null, null, null, null, null, null);
        }
    }

    /**
     * Filters of the product list; null means any. {@code text} matches SKU or name; {@code categoryId} matches the
     * category and its whole subtree; {@code brand} is matched whole, ignoring case.
     */
    public record Filter(@Nullable ProductStatus status, @Nullable String text, @Nullable String categoryId,
            @Nullable String brand, @Nullable Boolean keyBrand) {

        public Filter(@Nullable ProductStatus status, @Nullable String text) {
            this(status, text, null, null, null);
        }
    }

    @Transactional
    public Product create(NewProduct request) {
        String sku = Product.normalizeSku(request.sku());
        if (products.existsBySku(sku)) {
            throw skuTaken(sku);
        }
        requireCategory(request.categoryId());
        Product.Details details = new Product.Details(request.brand(), request.categoryId(),
                request.specification() == null ? ProductSpecification.NONE : request.specification(),
                request.taxCategory() == null ? settings.defaultTaxCategory() : request.taxCategory(),
                request.vatRate() == null ? settings.defaultVatRate() : request.vatRate(), request.keyBrand());
        Product product = Product.create(sku, request.name(), request.unit(), request.listPrice(), details, now());
        try {
            return products.saveAndFlush(product);
        }
        catch (DataIntegrityViolationException ex) {
            // another request took the SKU between the check and the insert
            throw skuTaken(sku);
        }
    }

    @Transactional(readOnly = true)
    public Product get(String id) {
        return products.findById(id).orElseThrow(() -> ApiProblem.notFound("product", id));
    }

    /** Changes a product; {@code ifMatch} must carry its current version. */
    @Transactional
    public Product change(String id, @Nullable String ifMatch, Change change) {
        Product product = get(id);
        ETags.requireMatch(ifMatch, product.version(), "product", id);
        requireCategory(change.categoryId());
        if (!product.change(new Product.Changes(change.name(), change.unit(), change.listPrice(), change.brand(),
                change.categoryId(), change.specification(), change.taxCategory(), change.vatRate(),
                change.keyBrand()), now())) {
            return product;
        }
        return products.saveAndFlush(product);
    }

    /** Discontinues an active product; {@code ifMatch}, when sent, must carry its current version. */
    @Transactional
    public Product discontinue(String id, @Nullable String ifMatch) {
        Product product = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, product.version(), "product", id);
        }
        product.discontinue(now());
        return products.saveAndFlush(product);
    }

    @Transactional(readOnly = true)
    public Page<Product> search(Filter filter, Pageable pageable) {
        Specification<Product> spec = Specification.unrestricted();
        if (filter.status() != null) {
            ProductStatus status = filter.status();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                    cb.like(cb.lower(root.get("sku")), like, '\\')));
        }
        if (filter.categoryId() != null) {
            List<String> subtree = categories.subtreeIds(filter.categoryId());
            if (subtree.isEmpty()) {
                return Page.empty(pageable);
            }
            spec = spec.and((root, query, cb) -> root.get("categoryId").in(subtree));
        }
        if (filter.brand() != null && !filter.brand().isBlank()) {
            String brand = filter.brand().strip().toLowerCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(cb.lower(root.get("brand")), brand));
        }
        if (filter.keyBrand() != null) {
            boolean keyBrand = filter.keyBrand();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("keyBrand"), keyBrand));
        }
        return products.findAll(spec, pageable);
    }

    /** Whether a product with this id exists (in any status). */
    @Transactional(readOnly = true)
    public boolean exists(String id) {
        return products.existsById(id);
    }

    private void requireCategory(@Nullable String categoryId) {
        if (categoryId != null && !categoryId.isBlank() && !categories.exists(categoryId.strip())) {
            throw CategoryService.unknownCategory(categoryId.strip());
        }
    }

    private Instant now() {
        // the database keeps microseconds; answer what a later read will show
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiProblem skuTaken(String sku) {
        return ApiProblem.conflict("PRODUCT_SKU_TAKEN", "SKU " + sku + " is already used by another product", sku);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
