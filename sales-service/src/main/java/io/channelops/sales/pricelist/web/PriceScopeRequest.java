package io.channelops.sales.pricelist.web;

import io.channelops.sales.pricelist.PriceScope;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Whom and what a price list applies to; an absent field means any value. {@code customerType} is one of DIRECT,
 * DISTRIBUTOR, DEALER, AGENT, RETAIL, GOVERNMENT, PARTNER; {@code customerLevel} one of KEY, NORMAL, MINOR (as
 * customer-service classifies customers; any case); {@code categoryId} an existing category (422 UNKNOWN_CATEGORY).
 */
@Schema(example = """
        {"regionCode": "EAST", "customerLevel": "KEY"}""")
public record PriceScopeRequest(
        @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode,
        @Nullable @Pattern(regexp = "(?i)DIRECT|DISTRIBUTOR|DEALER|AGENT|RETAIL|GOVERNMENT|PARTNER") String customerType,
        @Nullable @Pattern(regexp = "(?i)KEY|NORMAL|MINOR") String customerLevel,
        @Nullable @Size(max = 36) String categoryId) {

    static PriceScope toScope(@Nullable PriceScopeRequest request) {
        return request == null ? PriceScope.ANY
                : new PriceScope(request.regionCode(), request.customerType(), request.customerLevel(),
                        request.categoryId());
    }
}
