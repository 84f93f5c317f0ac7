package io.channelops.sales.product;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.sales.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final Clock clock;

    public ProductService(Products products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /** What a client may set when creating a product; a null unit means {@value Product#DEFAULT_UNIT}. */
    public record NewProduct(String sku, String name, @Nullable String unit, Money listPrice) {
    }

    /** What a client may change; null leaves a value as it is. */
    public record Change(@Nullable String name, @Nullable String unit, @Nullable Money listPrice) {
    }

    /** Filters of the product list; null means any. {@code text} matches SKU or name. */
    public record Filter(@Nullable ProductStatus status, @Nullable String text) {
    }

    @Transactional
    public Product create(NewProduct request) {
        String sku = Product.normalizeSku(request.sku());
        if (products.existsBySku(sku)) {
            throw skuTaken(sku);
        }
        Product product = Product.create(sku, request.name(), request.unit(), request.listPrice(), now());
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
        if (!product.change(change.name(), change.unit(), change.listPrice(), now())) {
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
        return products.findAll(spec, pageable);
    }

    private Instant now() {
        // the database keeps microseconds; answer what a later read will show
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiProblem skuTaken(String sku) {
        return ApiProblem.conflict("PRODUCT_SKU_TAKEN", "SKU " + sku + " is already used by another product", sku);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
