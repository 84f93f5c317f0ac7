package io.channelops.finance.credit.web;

import io.channelops.finance.credit.CreditService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/credit-checks}: the credit gate order-service calls when an order is submitted (with
 * the submitting user's relayed token) and when it re-checks a pending order in the background (with
 * its own client-credentials token). Needs {@code credit:check}. The rule counts the customer's whole
 * exposure whoever asks, so the answer is only the decision and its reason.
 */
@RestController
@RequestMapping("/api/v1/credit-checks")
@Tag(name = "Credit checks", description = "Does an order fit the customer's credit?")
class CreditCheckController {

    private final CreditService credit;

    CreditCheckController(CreditService credit) {
        this.credit = credit;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('credit:check')")
    @Operation(summary = "Check an order amount against the customer's credit",
            description = "Needs credit:check. Read-only and idempotent: creates nothing and answers 200 "
                    + "{decision, reason}. APPROVED when amount + exposure ≤ limit; otherwise REJECTED with reason "
                    + "CREDIT_LIMIT_EXCEEDED, NO_CREDIT_ACCOUNT or CURRENCY_MISMATCH. The exposure is the "
                    + "customer's whole exposure, whoever asks, so the limit and the sums are not in the answer. "
                    + "The order itself is left out of the exposure, so a retry after it was approved gives the "
                    + "same answer.")
    CreditCheckResponse check(@Valid @RequestBody CreditCheckRequest request) {
        return CreditCheckResponse.of(
                credit.check(request.customerId(), request.orderId(), request.amount().toMoney()));
    }
}
