package io.channelops.sales.product;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channelops.sales.catalog.*}: what a new product gets when its request names no tax category or VAT rate.
 *
 * @param defaultTaxCategory {@code CATALOG_DEFAULT_TAX_CATEGORY}, default {@code STANDARD}
 * @param defaultVatRate {@code CATALOG_DEFAULT_VAT_RATE}, default {@code 0.13}
 */
@ConfigurationProperties("channelops.sales.catalog")
public record CatalogSettings(@DefaultValue("STANDARD") String defaultTaxCategory,
        @DefaultValue("0.13") BigDecimal defaultVatRate) {
}
