package io.channelops.sales.pricelist.web;

import io.channelops.sales.pricelist.PriceList;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Replaces a DRAFT list's header: absent {@code validTo} or {@code scope} mean open-ended and any. */
@Schema(example = """
        {"name": "East key accounts 2026 (revised)", "currency": "CNY", "validFrom": "2026-05-01",
         "scope": {"regionCode": "EAST", "customerLevel": "KEY"}}""")
public record PriceListHeaderRequest(
        @NotBlank @Size(max = PriceList.MAX_NAME_LENGTH) String name,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable @Valid PriceScopeRequest scope) {

    PriceList.Header toHeader() {
        return new PriceList.Header(name, currency, validFrom, validTo, PriceScopeRequest.toScope(scope));
    }
}
