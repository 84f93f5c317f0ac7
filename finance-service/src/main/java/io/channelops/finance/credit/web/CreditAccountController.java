package io.channelops.finance.credit.web;

import io.channelops.finance.credit.CreditService;
import io.channelops.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/credit-accounts}: open, read and change customers' credit accounts. Credit accounts
 * are finance reference data per customer, not filtered by data scope: reading one needs
 * {@code finance:read}, opening one and changing its limit {@code credit:write}. The exposure shown
 * with an account counts only the receivables in the caller's data scope.
 */
@RestController
@RequestMapping("/api/v1/credit-accounts")
@Tag(name = "Credit accounts", description = "Credit limits and exposure per customer")
class CreditAccountController {

    private final CreditService credit;

    CreditAccountController(CreditService credit) {
        this.credit = credit;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('credit:write')")
    @Operation(summary = "Open a customer's credit account",
            description = "Needs credit:write. One account per customer (409 CREDIT_ACCOUNT_EXISTS). Raises "
                    + "CreditLimitChanged. Send an Idempotency-Key to make retries safe.")
    ResponseEntity<CreditAccountResponse> open(@Valid @RequestBody CreditAccountRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        CreditService.AccountView view = credit.open(request.customerId(), request.creditLimit().toMoney());
        return ResponseEntity.created(URI.create("/api/v1/credit-accounts/" + view.account().customerId()))
                .eTag(ETags.of(view.account().version()))
                .body(CreditAccountResponse.of(view));
    }

    @GetMapping("/{customerId}")
    @PreAuthorize("hasAuthority('finance:read')")
    @Operation(summary = "Read a customer's credit account with its exposure",
            description = "Needs finance:read. Exposure = open receivables + approved orders not yet invoiced, in "
                    + "the limit's currency, counting only the invoices and orders in the caller's data scope "
                    + "(available = limit - that exposure).")
    ResponseEntity<CreditAccountResponse> get(@PathVariable String customerId) {
        CreditService.AccountView view = credit.get(customerId);
        return ResponseEntity.ok().eTag(ETags.of(view.account().version())).body(CreditAccountResponse.of(view));
    }

    @PatchMapping("/{customerId}")
    @PreAuthorize("hasAuthority('credit:write')")
    @Operation(summary = "Change a customer's credit limit",
            description = "Needs credit:write and the account's ETag in If-Match. Raises CreditLimitChanged when "
                    + "the limit changes.")
    ResponseEntity<CreditAccountResponse> changeLimit(@PathVariable String customerId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CreditLimitChangeRequest request) {
        CreditService.AccountView view = credit.changeLimit(customerId, ifMatch, request.creditLimit().toMoney());
        return ResponseEntity.ok().eTag(ETags.of(view.account().version())).body(CreditAccountResponse.of(view));
    }
}
