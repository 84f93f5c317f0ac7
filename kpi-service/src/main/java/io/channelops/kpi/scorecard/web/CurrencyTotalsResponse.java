package io.channelops.kpi.scorecard.web;

import io.channelops.kpi.scorecard.CurrencyTotals;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** Totals in one currency; amounts as decimals with 2 places. */
@Schema(example = """
        {"currency": "CNY", "approvedOrderValue": 12800.50, "approvedOrders": 3, "collectedCash": 5000.00}""")
public record CurrencyTotalsResponse(
        @Schema(description = "ISO 4217 code", example = "CNY") String currency,
        @Schema(description = "Sum of the totals of approved orders") BigDecimal approvedOrderValue,
        @Schema(description = "Number of approved orders") long approvedOrders,
        @Schema(description = "Sum of posted payments") BigDecimal collectedCash) {

    static CurrencyTotalsResponse of(CurrencyTotals totals) {
        return new CurrencyTotalsResponse(totals.currency(), totals.approvedOrderValue(), totals.approvedOrders(),
                totals.collectedCash());
    }
}
