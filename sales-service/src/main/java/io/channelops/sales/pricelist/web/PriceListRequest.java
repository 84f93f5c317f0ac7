package io.channelops.sales.pricelist.web;

import io.channelops.sales.pricelist.PriceList;
import io.channelops.sales.pricelist.PriceListLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Enters a new DRAFT price list, optionally with its lines (at most 5,000 here; add more one by one). */
@Schema(example = """
        {"name": "East key accounts 2026", "currency": "CNY", "validFrom": "2026-04-01", "validTo": "2026-12-31",
         "scope": {"regionCode": "EAST", "customerLevel": "KEY"},
         "lines": [{"productId": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11", "listPrice": 1200.00, "floorPrice": 1050.00,
                    "breaks": [{"minQuantity": 10, "price": 1150.00}]},
                   {"categoryId": "5b0f7a52-8c3e-4d6e-9f1a-2b3c4d5e6f70", "listPrice": 300.00, "floorPrice": 270.00}]}""")
public record PriceListRequest(
        @NotBlank @Size(max = PriceList.MAX_NAME_LENGTH) String name,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable @Valid PriceScopeRequest scope,
        @Nullable @Size(max = 5000) List<@NotNull @Valid PriceListLineRequest> lines) {

    PriceList.Header toHeader() {
        return new PriceList.Header(name, currency, validFrom, validTo, PriceScopeRequest.toScope(scope));
    }

    List<PriceListLine.Prices> toLines() {
        return lines == null ? List.of() : lines.stream().map(PriceListLineRequest::toPrices).toList();
    }
}
