package io.channelops.finance.credit.web;

import io.channelops.finance.credit.Exposure;
import io.channelops.finance.money.web.MoneyResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * A customer's exposure: open receivables + approved orders not yet invoiced = total. {@code amount}
 * and {@code currency} repeat the total, so a client may also read the exposure as plain money.
 */
@Schema(example = """
        {"openReceivables": {"amount": 1200.00, "currency": "CNY"},
         "approvedNotInvoiced": {"amount": 300.00, "currency": "CNY"},
         "total": {"amount": 1500.00, "currency": "CNY"}, "amount": 1500.00, "currency": "CNY"}""")
public record ExposureResponse(MoneyResponse openReceivables, MoneyResponse approvedNotInvoiced,
        MoneyResponse total, BigDecimal amount, String currency) {

    static ExposureResponse of(Exposure exposure) {
        MoneyResponse total = MoneyResponse.of(exposure.total());
        return new ExposureResponse(MoneyResponse.of(exposure.openReceivables()),
                MoneyResponse.of(exposure.approvedNotInvoiced()), total, total.amount(), total.currency());
    }
}
