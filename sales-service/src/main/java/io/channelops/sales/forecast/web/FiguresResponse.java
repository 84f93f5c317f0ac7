package io.channelops.sales.forecast.web;

import io.channelops.sales.forecast.Figures;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * Forecast figures in one currency: open pipeline expected to close in the period (count, Σ amount, Σ amount ×
 * probability / 100) and deals won in the period (count, Σ amount).
 */
@Schema(example = """
        {"currency": "CNY", "openCount": 3, "openAmount": 450000.00, "weightedAmount": 187500.00, "wonCount": 1,
         "wonAmount": 120000.00}""")
public record FiguresResponse(String currency, long openCount, BigDecimal openAmount, BigDecimal weightedAmount,
        long wonCount, BigDecimal wonAmount) {

    static FiguresResponse of(Figures figures) {
        return new FiguresResponse(figures.currency(), figures.openCount(), figures.openAmount(),
                figures.weightedAmount(), figures.wonCount(), figures.wonAmount());
    }
}
