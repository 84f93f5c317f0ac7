package io.channelops.order.credit;

import feign.FeignException;
import feign.RetryableException;
import io.channelops.order.resilience.ClientResilience;
import io.channelops.order.resilience.ClientsProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Asks finance-service whether a customer's credit covers an order, and never fails: every
 * problem on the way (connection refused, read timeout, 5xx, an open circuit, an answer it
 * cannot read) is {@link CreditDecision.Unavailable}, so the order waits for a later check
 * instead of being lost or blocked. Transient failures are retried (the check is read-only and
 * idempotent) behind a circuit breaker. Callers must not hold a database transaction open
 * while calling {@link #check}.
 */
@Service
public class CreditGate {

    private static final Logger log = LoggerFactory.getLogger(CreditGate.class);

    private final FinanceClient finance;
    private final ClientResilience.Guard guard;
    private final MeterRegistry meters;

    CreditGate(FinanceClient finance, ClientResilience resilience, ClientsProperties clients, MeterRegistry meters) {
        this.finance = finance;
        this.guard = resilience.guard("finance", clients.finance(), CreditGate::isTransient);
        this.meters = meters;
    }

    /** Failures worth trying again: finance did not answer, answered too late, or failed itself. */
    static boolean isTransient(Throwable ex) {
        return ex instanceof RetryableException || ex instanceof FeignException.FeignServerException
                || ex instanceof FeignException.TooManyRequests;
    }

    /** The decision on {@code amount} for {@code orderId} of {@code customerId}; never throws. */
    public CreditDecision check(String customerId, String orderId, BigDecimal amount, String currency) {
        CreditDecision decision = decide(customerId, orderId, amount, currency);
        meters.counter("channelops.orders.credit.checks", "outcome",
                decision.getClass().getSimpleName().toLowerCase(Locale.ROOT)).increment();
        return decision;
    }

    /** Whether calls to finance-service are currently refused without trying. */
    public boolean circuitOpen() {
        CircuitBreaker.State state = guard.circuitBreaker().getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    private CreditDecision decide(String customerId, String orderId, BigDecimal amount, String currency) {
        FinanceClient.CreditCheckResult result;
        try {
            result = guard.call(() -> finance.check(new FinanceClient.CreditCheckRequest(customerId, orderId,
                    new FinanceClient.Amount(amount, currency))));
        }
        catch (CallNotPermittedException ex) {
            log.warn("Credit check of order {} postponed: the finance-service circuit is open", orderId);
            return new CreditDecision.Unavailable("finance-service circuit open");
        }
        catch (FeignException ex) {
            log.warn("Credit check of order {} postponed: finance-service failed ({} {})", orderId, ex.status(),
                    ex.getClass().getSimpleName());
            return new CreditDecision.Unavailable(describe(ex));
        }
        catch (RuntimeException ex) {
            log.warn("Credit check of order {} postponed: {}", orderId, ex.toString());
            return new CreditDecision.Unavailable(ex.getClass().getSimpleName());
        }
        if (result == null || result.decision() == null) {
            log.warn("Credit check of order {} postponed: finance-service answered no decision", orderId);
            return new CreditDecision.Unavailable("no decision in finance-service's answer");
        }
        return switch (result.decision().toUpperCase(Locale.ROOT)) {
            case "APPROVED" -> new CreditDecision.Approved();
            case "REJECTED" -> new CreditDecision.Rejected(
                    result.reason() == null || result.reason().isBlank() ? "CREDIT_REJECTED" : result.reason());
            default -> {
                log.warn("Credit check of order {} postponed: unknown decision {}", orderId, result.decision());
                yield new CreditDecision.Unavailable("unknown decision " + result.decision());
            }
        };
    }

    private static String describe(FeignException ex) {
        if (ex instanceof RetryableException) {
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            return "finance-service unreachable: " + cause.getClass().getSimpleName();
        }
        return "finance-service answered " + ex.status();
    }
}
