package io.channelops.sales.product;

import io.channelops.events.sales.ProductChanged;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A product of the catalog: a unique SKU, a name, a unit of sale and a list price; a brand (maybe a key brand), a
 * category of the category tree, a specification, and a tax category with its VAT rate. New products are
 * {@link ProductStatus#ACTIVE}; a discontinued one stays in the catalog but can no longer be sold.
 * Every creation and every real change raises {@link ProductChanged} with the product's current state.
 *
 * <p>Products are company-wide reference data: they have no owner and no org path and are not filtered by data
 * scope; the API guards them by permission only ({@code products:read}, {@code products:write}).
 */
@Entity
@Table(name = "products")
public class Product extends AbstractAggregateRoot<Product> {

    /** Upper case letters and digits, then also {@code . _ -}; 64 characters at most. */
    public static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");
    public static final String DEFAULT_UNIT = "EA";
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_UNIT_LENGTH = 16;
    public static final int MAX_BRAND_LENGTH = 100;
    public static final String DEFAULT_TAX_CATEGORY = "STANDARD";
    public static final BigDecimal DEFAULT_VAT_RATE = new BigDecimal("0.1300");
    /** Upper case letters, digits and underscores, e.g. {@code STANDARD}, {@code REDUCED_9}, {@code EXEMPT}. */
    public static final Pattern TAX_CATEGORY = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,31}");

    @Id
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String sku;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = MAX_UNIT_LENGTH)
    private String unit;

    @Column(name = "list_price_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal listPriceAmount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "list_price_currency", nullable = false, length = 3)
    private String listPriceCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProductStatus status;

    @Column(length = MAX_BRAND_LENGTH)
    private @Nullable String brand;

    @Column(name = "category_id", length = 36)
    private @Nullable String categoryId;

    @Column(name = "specification_text", columnDefinition = "text")
    private @Nullable String specificationText;

    @Convert(converter = SpecificationAttributesConverter.class)
    @Column(name = "specification_attributes", columnDefinition = "text")
    private Map<String, String> specificationAttributes;

    @Column(name = "tax_category", nullable = false, length = 32)
    private String taxCategory;

    @Column(name = "vat_rate", nullable = false, precision = 5, scale = 4)
    private BigDecimal vatRate;

    @Column(name = "key_brand", nullable = false)
    private boolean keyBrand;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {
        // for JPA
        this.id = "";
        this.sku = "";
        this.name = "";
        this.unit = DEFAULT_UNIT;
        this.listPriceAmount = BigDecimal.ZERO;
        this.listPriceCurrency = "";
        this.status = ProductStatus.ACTIVE;
        this.specificationAttributes = Map.of();
        this.taxCategory = DEFAULT_TAX_CATEGORY;
        this.vatRate = DEFAULT_VAT_RATE;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Product(String sku, String name, String unit, Money listPrice, Details details, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sku = sku;
        this.name = name;
        this.unit = unit;
        this.listPriceAmount = listPrice.amount();
        this.listPriceCurrency = listPrice.currency();
        this.status = ProductStatus.ACTIVE;
        this.brand = checkBrand(details.brand());
        this.categoryId = blankToNull(details.categoryId());
        this.specificationText = details.specification().text();
        this.specificationAttributes = details.specification().attributes();
        this.taxCategory = checkTaxCategory(details.taxCategory());
        this.vatRate = checkVatRate(details.vatRate());
        this.keyBrand = details.keyBrand();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * How a product is classified and described, beyond SKU, name, unit and price.
     *
     * @param brand the maker's brand, null for none
     * @param categoryId the product's category (an existing one: the service checks), null for none
     * @param taxCategory the tax category code, e.g. {@code STANDARD}
     * @param vatRate the VAT rate of the tax category as a decimal fraction, 0 ≤ rate < 1 (0.13 for 13 %)
     * @param keyBrand whether the brand is one the company pushes (key brand)
     */
    public record Details(@Nullable String brand, @Nullable String categoryId, ProductSpecification specification,
            String taxCategory, BigDecimal vatRate, boolean keyBrand) {

        /** No brand, no category, no specification, the default tax category and rate, not a key brand. */
        public static final Details DEFAULT = new Details(null, null, ProductSpecification.NONE, DEFAULT_TAX_CATEGORY,
                DEFAULT_VAT_RATE, false);
    }

    /**
     * What may change on a product; null leaves a value as it is, and an empty {@code brand} or {@code categoryId}
     * clears it.
     */
    public record Changes(@Nullable String name, @Nullable String unit, @Nullable Money listPrice,
            @Nullable String brand, @Nullable String categoryId, @Nullable ProductSpecification specification,
            @Nullable String taxCategory, @Nullable BigDecimal vatRate, @Nullable Boolean keyBrand) {
    }

    /**
     * A new active product. The SKU is stored in upper case; an absent unit means {@value #DEFAULT_UNIT}.
     *
     * @throws IllegalArgumentException when a value breaks the catalog's rules (the API validates first)
     */
    static Product create(String sku, String name, @Nullable String unit, Money listPrice, Instant now) {
        return create(sku, name, unit, listPrice, Details.DEFAULT, now);
    }

    /** A new active product with its classification and description. */
    static Product create(String sku, String name, @Nullable String unit, Money listPrice, Details details,
            Instant now) {
        Product product = new Product(normalizeSku(sku), checkName(name),
                unit == null ? DEFAULT_UNIT : checkUnit(unit), checkPrice(listPrice), details, now);
        product.changed(now);
        return product;
    }

    /** The SKU as the catalog stores it: trimmed and in upper case. */
    public static String normalizeSku(String sku) {
        String normalized = sku.strip().toUpperCase(Locale.ROOT);
        if (!SKU.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a valid SKU: " + sku);
        }
        return normalized;
    }

    /**
     * Changes what is given (null leaves a value as it is). Raises {@link ProductChanged} only when
     * something really changed.
     *
     * @return whether anything changed
     */
    boolean change(@Nullable String newName, @Nullable String newUnit, @Nullable Money newListPrice, Instant now) {
        return change(new Changes(newName, newUnit, newListPrice, null, null, null, null, null, null), now);
    }

    /**
     * Changes what is given (see {@link Changes}). Raises {@link ProductChanged} only when something really
     * changed.
     *
     * @return whether anything changed
     */
    boolean change(Changes changes, Instant now) {
        @Nullable String newName = changes.name();
        @Nullable String newUnit = changes.unit();
        @Nullable Money newListPrice = changes.listPrice();
        boolean changed = false;
        if (newName != null && !checkName(newName).equals(name)) {
            name = checkName(newName);
            changed = true;
        }
        if (newUnit != null && !checkUnit(newUnit).equals(unit)) {
            unit = checkUnit(newUnit);
            changed = true;
        }
        if (newListPrice != null && !checkPrice(newListPrice).equals(listPrice())) {
            listPriceAmount = newListPrice.amount();
            listPriceCurrency = newListPrice.currency();
            changed = true;
        }
        if (changes.brand() != null && !Objects.equals(checkBrand(changes.brand()), brand)) {
            brand = checkBrand(changes.brand());
            changed = true;
        }
        if (changes.categoryId() != null && !Objects.equals(blankToNull(changes.categoryId()), categoryId)) {
            categoryId = blankToNull(changes.categoryId());
            changed = true;
        }
        ProductSpecification spec = changes.specification();
        if (spec != null && !spec.equals(specification())) {
            specificationText = spec.text();
            specificationAttributes = spec.attributes();
            changed = true;
        }
        if (changes.taxCategory() != null && !checkTaxCategory(changes.taxCategory()).equals(taxCategory)) {
            taxCategory = checkTaxCategory(changes.taxCategory());
            changed = true;
        }
        if (changes.vatRate() != null && checkVatRate(changes.vatRate()).compareTo(vatRate) != 0) {
            vatRate = checkVatRate(changes.vatRate());
            changed = true;
        }
        if (changes.keyBrand() != null && changes.keyBrand() != keyBrand) {
            keyBrand = changes.keyBrand();
            changed = true;
        }
        if (changed) {
            changed(now);
        }
        return changed;
    }

    /** Takes the product out of sale: only an active product can be discontinued (409 otherwise). */
    void discontinue(Instant now) {
        if (status != ProductStatus.ACTIVE) {
            throw ApiProblem.illegalTransition("product", id, status, "discontinue");
        }
        status = ProductStatus.DISCONTINUED;
        changed(now);
    }

    /** Whether the product can still be priced and sold. */
    public boolean isActive() {
        return status == ProductStatus.ACTIVE;
    }

    /** The events raised and not yet published (Spring Data publishes them on save). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    private void changed(Instant now) {
        updatedAt = now;
        registerEvent(new ProductChanged(id, sku, name,
                new io.channelops.events.Money(listPriceAmount, listPriceCurrency), status.name(), now,
                brand == null ? "" : brand, categoryId == null ? "" : categoryId, unit, vatRate, keyBrand));
    }

    private static String checkName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A product name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }

    private static String checkUnit(String unit) {
        String stripped = unit.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_UNIT_LENGTH) {
            throw new IllegalArgumentException("A unit has 1 to " + MAX_UNIT_LENGTH + " characters");
        }
        return stripped;
    }

    private static @Nullable String checkBrand(@Nullable String brand) {
        String stripped = blankToNull(brand);
        if (stripped != null && stripped.length() > MAX_BRAND_LENGTH) {
            throw new IllegalArgumentException("A brand has at most " + MAX_BRAND_LENGTH + " characters");
        }
        return stripped;
    }

    private static String checkTaxCategory(String taxCategory) {
        String normalized = taxCategory.strip().toUpperCase(Locale.ROOT);
        if (!TAX_CATEGORY.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a valid tax category: " + taxCategory);
        }
        return normalized;
    }

    /** A VAT rate is a decimal fraction from 0 (inclusive) to 1 (exclusive) with at most 4 decimal places. */
    static BigDecimal checkVatRate(BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("A VAT rate is a fraction from 0 to below 1: " + rate);
        }
        try {
            return rate.setScale(4, RoundingMode.UNNECESSARY);
        }
        catch (ArithmeticException ex) {
            throw new IllegalArgumentException("A VAT rate has at most 4 decimal places: " + rate, ex);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static Money checkPrice(Money listPrice) {
        if (listPrice.amount().signum() < 0) {
            throw new IllegalArgumentException("A list price cannot be negative: " + listPrice.amount());
        }
        return listPrice;
    }

    public String id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public Money listPrice() {
        return new Money(listPriceAmount, listPriceCurrency);
    }

    public ProductStatus status() {
        return status;
    }

    public @Nullable String brand() {
        return brand;
    }

    public @Nullable String categoryId() {
        return categoryId;
    }

    public ProductSpecification specification() {
        return new ProductSpecification(specificationText, specificationAttributes);
    }

    public String taxCategory() {
        return taxCategory;
    }

    /** The VAT rate as a decimal fraction with 4 places (0.1300 for 13 %). */
    public BigDecimal vatRate() {
        return vatRate;
    }

    public boolean keyBrand() {
        return keyBrand;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
