package io.channelops.sales.product;

import io.channelops.events.sales.ProductChanged;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A product of the catalog: a unique SKU, a name, a unit of sale and a list price. New products are
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
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private Product(String sku, String name, String unit, Money listPrice, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sku = sku;
        this.name = name;
        this.unit = unit;
        this.listPriceAmount = listPrice.amount();
        this.listPriceCurrency = listPrice.currency();
        this.status = ProductStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new active product. The SKU is stored in upper case; an absent unit means {@value #DEFAULT_UNIT}.
     *
     * @throws IllegalArgumentException when a value breaks the catalog's rules (the API validates first)
     */
    static Product create(String sku, String name, @Nullable String unit, Money listPrice, Instant now) {
        Product product = new Product(normalizeSku(sku), checkName(name),
                unit == null ? DEFAULT_UNIT : checkUnit(unit), checkPrice(listPrice), now);
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
                new io.channelops.events.Money(listPriceAmount, listPriceCurrency), status.name(), now, "", "", unit,
                BigDecimal.ZERO, false));
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
