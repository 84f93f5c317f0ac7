package io.channelops.finance.credit;

import io.channelops.finance.money.Money;
import io.channelops.finance.receivables.ReceivablesExposure;
import io.channelops.finance.receivables.ReceivablesService;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of credit control: credit accounts, their exposure and the credit check.
 *
 * <p>Data scope: credit accounts are finance reference data per customer and are not filtered by
 * the caller (permissions decide who reads and changes them). The exposure shown with an account
 * counts only the invoices and approved orders in the caller's data scope; the credit check counts
 * all of them and answers only its decision (see {@link #check}).
 */
@Service
public class CreditService {

    private final CreditAccounts accounts;
    private final ReceivablesService receivables;
    private final DataScope scope;
    private final Clock clock;

    public CreditService(CreditAccounts accounts, ReceivablesService receivables, DataScope scope, Clock clock) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * A credit account with the exposure the caller may see; available = limit − that exposure,
     * negative when over the limit. For callers who see all of the customer's receivables (finance,
     * directors) it is the customer's whole exposure.
     */
    public record AccountView(CreditAccount account, Exposure exposure, Money available) {
    }

    /** Opens a customer's credit account, owned by the caller who opens it. */
    @Transactional
    public AccountView open(String customerId, Money creditLimit) {
        if (accounts.existsById(customerId)) {
            throw exists(customerId);
        }
        CreditAccount account;
        try {
            account = accounts.saveAndFlush(CreditAccount.open(customerId, creditLimit, scope.forNewRecord(),
                    Instant.now(clock)));
        }
        catch (DataIntegrityViolationException raced) {
            throw exists(customerId);
        }
        return view(account);
    }

    @Transactional
    public AccountView changeLimit(String customerId, @Nullable String ifMatch, Money creditLimit) {
        CreditAccount account = find(customerId);
        ETags.requireMatch(ifMatch, account.version(), "credit account", customerId);
        if (account.changeLimit(creditLimit, Instant.now(clock))) {
            account = accounts.saveAndFlush(account);
        }
        return view(account);
    }

    @Transactional(readOnly = true)
    public AccountView get(String customerId) {
        return view(find(customerId));
    }

    /**
     * Checks whether {@code amount} for {@code orderId} fits the customer's credit. Read-only, so a
     * retry gives the same answer; the order itself is left out of the exposure, so an order that
     * is already recorded as approved is not counted twice.
     *
     * <p>Deliberately <em>not</em> filtered by the caller's data scope: the credit rule is about the
     * customer, so the exposure counts all of the customer's open invoices and approved orders,
     * whoever owns them and whoever asks (a rep submitting an order through order-service with the
     * relayed token, or order-service's own client token in a background re-check). Filtering it
     * would let a rep's order pass on a limit other reps' orders already use up, and would make the
     * answer depend on who asks. In return the endpoint shows the caller only the decision and its
     * reason, never these sums (the web layer answers {@code {decision, reason}}), so nothing outside
     * the caller's scope leaks.
     */
    @Transactional(readOnly = true)
    public CreditDecision check(String customerId, String orderId, Money amount) {
        Optional<CreditAccount> account = accounts.findById(customerId);
        String currency = account.map(a -> a.creditLimit().currency()).orElse(amount.currency());
        ReceivablesExposure whole = receivables.exposureOf(customerId, currency, orderId);
        return CreditDecision.decide(account.map(CreditAccount::creditLimit).orElse(null), exposure(whole), amount);
    }

    /** The account with the exposure the caller may see (only their data scope's receivables count). */
    private AccountView view(CreditAccount account) {
        Money limit = account.creditLimit();
        Exposure exposure = exposure(receivables.visibleExposureOf(account.customerId(), limit.currency()));
        return new AccountView(account, exposure, limit.minus(exposure.total()));
    }

    private static Exposure exposure(ReceivablesExposure owed) {
        return new Exposure(owed.openReceivables(), owed.approvedNotInvoiced());
    }

    private CreditAccount find(String customerId) {
        return accounts.findById(customerId).orElseThrow(() -> ApiProblem.notFound("credit account", customerId));
    }

    private static ApiProblem exists(String customerId) {
        return ApiProblem.conflict("CREDIT_ACCOUNT_EXISTS", "Customer " + customerId + " already has a credit account",
                customerId);
    }
}
