package io.channelops.finance.credit;

import io.channelops.finance.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a credit check.
 *
 * @param creditLimit null when the customer has no credit account
 * @param exposure counted in the account's currency (the amount's when there is no account),
 *        without the order being checked
 * @param available limit − exposure (negative when the customer is already over the limit); null
 *        when there is no credit account
 */
public record CreditDecision(Decision decision, @Nullable Reason reason, @Nullable Money creditLimit,
        Exposure exposure, @Nullable Money available) {

    /** Approved or rejected. */
    public enum Decision {
        APPROVED, REJECTED
    }

    /** Why a check was rejected. */
    public enum Reason {
        NO_CREDIT_ACCOUNT, CREDIT_LIMIT_EXCEEDED, CURRENCY_MISMATCH
    }

    /**
     * The credit rule: an amount is approved when amount + exposure ≤ limit, in the limit's
     * currency. No account, or an amount in another currency, is rejected.
     */
    public static CreditDecision decide(@Nullable Money creditLimit, Exposure exposure, Money amount) {
        if (creditLimit == null) {
            return new CreditDecision(Decision.REJECTED, Reason.NO_CREDIT_ACCOUNT, null, exposure, null);
        }
        if (!exposure.currency().equals(creditLimit.currency())) {
            throw new IllegalArgumentException("Exposure must be counted in the limit's currency");
        }
        Money available = creditLimit.minus(exposure.total());
        if (!amount.sameCurrencyAs(creditLimit)) {
            return new CreditDecision(Decision.REJECTED, Reason.CURRENCY_MISMATCH, creditLimit, exposure, available);
        }
        if (amount.exceeds(available)) {
            return new CreditDecision(Decision.REJECTED, Reason.CREDIT_LIMIT_EXCEEDED, creditLimit, exposure,
                    available);
        }
        return new CreditDecision(Decision.APPROVED, null, creditLimit, exposure, available);
    }
}
