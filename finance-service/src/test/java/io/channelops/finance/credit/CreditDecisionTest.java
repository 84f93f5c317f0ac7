package io.channelops.finance.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.finance.credit.CreditDecision.Decision;
import io.channelops.finance.credit.CreditDecision.Reason;
import io.channelops.finance.money.Money;
import org.junit.jupiter.api.Test;

class CreditDecisionTest {

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static final Exposure EXPOSURE = new Exposure(cny("300.00"), cny("200.00"));

    @Test
    void exposureIsOpenReceivablesPlusApprovedNotInvoiced() {
        assertThat(EXPOSURE.total()).isEqualTo(cny("500.00"));
        assertThatThrownBy(() -> new Exposure(cny("1"), Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approvesAnAmountThatFillsTheLimitExactly() {
        CreditDecision decision = CreditDecision.decide(cny("1000"), EXPOSURE, cny("500.00"));
        assertThat(decision.decision()).isEqualTo(Decision.APPROVED);
        assertThat(decision.reason()).isNull();
        assertThat(decision.available()).isEqualTo(cny("500.00"));
        assertThat(decision.creditLimit()).isEqualTo(cny("1000"));
    }

    @Test
    void rejectsOrderOverCreditLimitByOneCent() {
        CreditDecision decision = CreditDecision.decide(cny("1000"), EXPOSURE, cny("500.01"));
        assertThat(decision.decision()).isEqualTo(Decision.REJECTED);
        assertThat(decision.reason()).isEqualTo(Reason.CREDIT_LIMIT_EXCEEDED);
        assertThat(decision.exposure()).isEqualTo(EXPOSURE);
    }

    @Test
    void rejectsEvenAZeroAmountWhenAlreadyOverTheLimit() {
        CreditDecision decision = CreditDecision.decide(cny("400"), EXPOSURE, cny("0"));
        assertThat(decision.reason()).isEqualTo(Reason.CREDIT_LIMIT_EXCEEDED);
        assertThat(decision.available()).isEqualTo(cny("-100.00"));
        assertThat(CreditDecision.decide(cny("500"), EXPOSURE, cny("0")).decision()).isEqualTo(Decision.APPROVED);
    }

    @Test
    void rejectsACustomerWithoutCreditAccount() {
        CreditDecision decision = CreditDecision.decide(null, EXPOSURE, cny("1"));
        assertThat(decision.decision()).isEqualTo(Decision.REJECTED);
        assertThat(decision.reason()).isEqualTo(Reason.NO_CREDIT_ACCOUNT);
        assertThat(decision.creditLimit()).isNull();
        assertThat(decision.available()).isNull();
    }

    @Test
    void rejectsAnAmountInAnotherCurrencyThanTheLimit() {
        CreditDecision decision = CreditDecision.decide(cny("1000000"), EXPOSURE, Money.of("1", "USD"));
        assertThat(decision.decision()).isEqualTo(Decision.REJECTED);
        assertThat(decision.reason()).isEqualTo(Reason.CURRENCY_MISMATCH);
        assertThat(decision.available()).isEqualTo(cny("999500.00"));
    }
}
