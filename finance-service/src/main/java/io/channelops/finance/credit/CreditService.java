package io.channelops.finance.credit;

import io.channelops.finance.money.Money;
import io.channelops.finance.receivables.ReceivablesExposure;
import io.channelops.finance.receivables.ReceivablesService;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of credit control: credit accounts, their exposure and the credit check. */
@Service
public class CreditService {

    private final CreditAccounts accounts;
    private final ReceivablesService receivables;
    private final Clock clock;

    public CreditService(CreditAccounts accounts, ReceivablesService receivables, Clock clock) {
        this.accounts = accounts;
        this.receivables = receivables;
        this.clock = clock;
    }

    /** A credit account with its current exposure; available = limit − exposure, negative when over the limit. */
    public record AccountView(CreditAccount account, Exposure exposure, Money available) {
    }

    @Transactional
    public AccountView open(String customerId, Money creditLimit) {
        if (accounts.existsById(customerId)) {
            throw exists(customerId);
        }
        CreditAccount account;
        try {
            account = accounts.saveAndFlush(CreditAccount.open(customerId, creditLimit, Instant.now(clock)));
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
     */
    @Transactional(readOnly = true)
    public CreditDecision check(String customerId, String orderId, Money amount) {
        Optional<CreditAccount> account = accounts.findById(customerId);
        String currency = account.map(a -> a.creditLimit().currency()).orElse(amount.currency());
        Exposure exposure = exposure(customerId, currency, orderId);
        return CreditDecision.decide(account.map(CreditAccount::creditLimit).orElse(null), exposure, amount);
    }

    private AccountView view(CreditAccount account) {
        Money limit = account.creditLimit();
        Exposure exposure = exposure(account.customerId(), limit.currency(), null);
        return new AccountView(account, exposure, limit.minus(exposure.total()));
    }

    private Exposure exposure(String customerId, String currency, @Nullable String excludedOrderId) {
        ReceivablesExposure owed = receivables.exposureOf(customerId, currency, excludedOrderId);
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
