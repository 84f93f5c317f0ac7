package io.channelops.sales.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.sales.ProductChanged;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The catalog's rules for one product, without Spring. */
class ProductTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T09:30:00Z");

    private static Product pump() {
        return Product.create("pump-200", "  Centrifugal pump  ", null, Money.of("1280.5", "CNY"), CREATED);
    }

    private static ProductChanged lastEvent(Product product) {
        var events = product.pendingEvents();
        assertThat(events).isNotEmpty();
        return (ProductChanged) events.getLast();
    }

    @Test
    void newProductIsActiveWithUpperCaseSkuDefaultUnitAndStrippedName() {
        Product product = pump();
        assertThat(product.id()).hasSize(36);
        assertThat(product.sku()).isEqualTo("PUMP-200");
        assertThat(product.name()).isEqualTo("Centrifugal pump");
        assertThat(product.unit()).isEqualTo("EA");
        assertThat(product.listPrice()).isEqualTo(Money.of("1280.50", "CNY"));
        assertThat(product.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(product.isActive()).isTrue();
        assertThat(product.createdAt()).isEqualTo(CREATED);
        assertThat(product.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void creatingAProductRaisesProductChangedWithItsState() {
        Product product = Product.create("BOX.1_a", "Box", "pack", Money.of("3", "USD"), CREATED);
        assertThat(product.pendingEvents()).hasSize(1);
        ProductChanged event = lastEvent(product);
        assertThat(event.productId()).isEqualTo(product.id());
        assertThat(event.aggregateId()).isEqualTo(product.id());
        assertThat(event.sku()).isEqualTo("BOX.1_A");
        assertThat(event.name()).isEqualTo("Box");
        assertThat(event.listPrice().amount()).isEqualTo(new BigDecimal("3.00"));
        assertThat(event.listPrice().currency()).isEqualTo("USD");
        assertThat(event.status()).isEqualTo("ACTIVE");
        assertThat(event.changedAt()).isEqualTo(CREATED);
        assertThat(product.unit()).isEqualTo("pack");
    }

    @Test
    void refusesSkusOutsideTheCatalogAlphabet() {
        Money price = Money.of("1", "CNY");
        assertThatThrownBy(() -> Product.create("-LEADING-DASH", "x", null, price, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("HAS SPACE", "x", null, price, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("A".repeat(65), "x", null, price, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Product.create("A".repeat(64), "x", null, price, CREATED).sku()).hasSize(64);
    }

    @Test
    void refusesBlankOrOverlongNamesAndUnitsAndNegativePrices() {
        Money price = Money.of("1", "CNY");
        assertThatThrownBy(() -> Product.create("A1", "   ", null, price, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("A1", "x".repeat(201), null, price, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("A1", "x", " ", price, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("A1", "x", "u".repeat(17), price, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("A1", "x", null, Money.of("-0.01", "CNY"), CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Product.create("A1", "x", null, Money.of("0", "CNY"), CREATED).listPrice().amount())
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void changingAProductRaisesProductChangedWithTheNewState() {
        Product product = pump();
        boolean changed = product.change("Pump 200", null, Money.of("1350", "CNY"), LATER);
        assertThat(changed).isTrue();
        assertThat(product.name()).isEqualTo("Pump 200");
        assertThat(product.unit()).isEqualTo("EA");
        assertThat(product.listPrice()).isEqualTo(Money.of("1350.00", "CNY"));
        assertThat(product.updatedAt()).isEqualTo(LATER);
        assertThat(product.pendingEvents()).hasSize(2);
        ProductChanged event = lastEvent(product);
        assertThat(event.name()).isEqualTo("Pump 200");
        assertThat(event.listPrice().amount()).isEqualTo(new BigDecimal("1350.00"));
        assertThat(event.changedAt()).isEqualTo(LATER);
    }

    @Test
    void aChangeThatChangesNothingRaisesNoEvent() {
        Product product = pump();
        boolean changed = product.change(" Centrifugal pump ", "EA", Money.of("1280.50", "CNY"), LATER);
        assertThat(changed).isFalse();
        assertThat(product.pendingEvents()).hasSize(1);
        assertThat(product.updatedAt()).isEqualTo(CREATED);
        assertThat(product.change(null, null, null, LATER)).isFalse();
    }

    @Test
    void changingTheCurrencyAloneIsAChange() {
        Product product = pump();
        assertThat(product.change(null, null, Money.of("1280.50", "USD"), LATER)).isTrue();
        assertThat(product.listPrice().currency()).isEqualTo("USD");
    }

    @Test
    void refusesAChangeToANegativePriceOrBlankName() {
        Product product = pump();
        assertThatThrownBy(() -> product.change(null, null, Money.of("-1", "CNY"), LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product.change(" ", null, null, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(product.listPrice()).isEqualTo(Money.of("1280.50", "CNY"));
        assertThat(product.name()).isEqualTo("Centrifugal pump");
    }

    @Test
    void discontinuingAnActiveProductTakesItOutOfSaleAndRaisesProductChanged() {
        Product product = pump();
        product.discontinue(LATER);
        assertThat(product.status()).isEqualTo(ProductStatus.DISCONTINUED);
        assertThat(product.isActive()).isFalse();
        assertThat(product.updatedAt()).isEqualTo(LATER);
        assertThat(lastEvent(product).status()).isEqualTo("DISCONTINUED");
    }

    @Test
    void aDiscontinuedProductCannotBeDiscontinuedAgain() {
        Product product = pump();
        product.discontinue(LATER);
        assertThatThrownBy(() -> product.discontinue(LATER))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.code()).isEqualTo("ILLEGAL_STATE_TRANSITION");
                });
        assertThat(product.pendingEvents()).hasSize(2);
    }
}
