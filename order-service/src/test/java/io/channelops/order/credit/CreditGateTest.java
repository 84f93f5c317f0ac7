package io.channelops.order.credit;

import static org.assertj.core.api.Assertions.assertThat;

import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import io.channelops.order.resilience.ClientResilience;
import io.channelops.order.resilience.ClientsProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The credit gate never fails an order: it retries transient failures and otherwise says "unavailable". */
class CreditGateTest {

    private static final Request REQUEST = Request.create(Request.HttpMethod.POST, "/api/v1/credit-checks", Map.of(),
            null, StandardCharsets.UTF_8, null);

    /** finance-service answering from a script, one answer per call; the last one repeats. */
    private static final class ScriptedFinance implements FinanceClient {

        private final Deque<Supplier<CreditCheckResult>> answers = new ArrayDeque<>();
        int calls;

        @SafeVarargs
        ScriptedFinance(Supplier<CreditCheckResult>... script) {
            answers.addAll(List.of(script));
        }

        @Override
        public CreditCheckResult check(CreditCheckRequest request) {
            calls++;
            Supplier<CreditCheckResult> answer = answers.size() > 1 ? answers.poll() : answers.peek();
            return answer.get();
        }
    }

    private static Supplier<FinanceClient.CreditCheckResult> decision(String decision, String reason) {
        return () -> new FinanceClient.CreditCheckResult(decision, reason);
    }

    private static Supplier<FinanceClient.CreditCheckResult> status(int status) {
        return () -> {
            throw FeignException.errorStatus("FinanceClient#check", Response.builder().status(status)
                    .reason("failed").request(REQUEST).headers(Map.of()).body(new byte[0]).build());
        };
    }

    private static Supplier<FinanceClient.CreditCheckResult> timeout() {
        return () -> {
            throw new RetryableException(-1, "Read timed out", Request.HttpMethod.POST,
                    new SocketTimeoutException("Read timed out"), (Long) null, REQUEST);
        };
    }

    private static CreditGate gate(FinanceClient finance) {
        var settings = new ClientsProperties.Client("http://finance.invalid",
                new ClientsProperties.Breaker(50, 4, 4, Duration.ofMinutes(1), 1, Duration.ofSeconds(5)),
                new ClientsProperties.RetrySettings(3, Duration.ofMillis(1), 1.0));
        var clients = new ClientsProperties(settings, settings);
        var meters = new SimpleMeterRegistry();
        return new CreditGate(finance, new ClientResilience(meters), clients, meters);
    }

    private static CreditDecision check(CreditGate gate) {
        return gate.check("customer-1", "order-1", new BigDecimal("100.00"), "CNY");
    }

    @Test
    void approvesAndRejectsAsFinanceDecides() {
        assertThat(check(gate(new ScriptedFinance(decision("APPROVED", null))))).isEqualTo(new CreditDecision.Approved());
        assertThat(check(gate(new ScriptedFinance(decision("REJECTED", "CREDIT_LIMIT_EXCEEDED")))))
                .isEqualTo(new CreditDecision.Rejected("CREDIT_LIMIT_EXCEEDED"));
        assertThat(check(gate(new ScriptedFinance(decision("REJECTED", null)))))
                .isEqualTo(new CreditDecision.Rejected("CREDIT_REJECTED"));
    }

    @Test
    void retriesATimeoutAndA5xxThenTakesTheAnswer() {
        ScriptedFinance finance = new ScriptedFinance(timeout(), status(503), decision("APPROVED", null));
        assertThat(check(gate(finance))).isEqualTo(new CreditDecision.Approved());
        assertThat(finance.calls).isEqualTo(3);
    }

    @Test
    void givesUpAfterItsAttemptsAndAnswersUnavailableInsteadOfFailing() {
        ScriptedFinance finance = new ScriptedFinance(status(500));
        CreditDecision decision = check(gate(finance));
        assertThat(decision).isInstanceOfSatisfying(CreditDecision.Unavailable.class,
                unavailable -> assertThat(unavailable.cause()).contains("500"));
        assertThat(finance.calls).isEqualTo(3);
    }

    @Test
    void doesNotRetryARefusalButStillNeverFails() {
        ScriptedFinance finance = new ScriptedFinance(status(400));
        assertThat(check(gate(finance))).isInstanceOf(CreditDecision.Unavailable.class);
        assertThat(finance.calls).isEqualTo(1);
    }

    @Test
    void anUnknownDecisionIsNoDecision() {
        assertThat(check(gate(new ScriptedFinance(decision("MAYBE", null))))).isInstanceOf(
                CreditDecision.Unavailable.class);
        assertThat(check(gate(new ScriptedFinance(decision(null, null))))).isInstanceOf(
                CreditDecision.Unavailable.class);
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndStopsCallingFinance() {
        ScriptedFinance finance = new ScriptedFinance(timeout());
        CreditGate gate = gate(finance);
        check(gate);
        check(gate);
        assertThat(gate.circuitOpen()).isTrue();
        int callsWhenOpened = finance.calls;

        assertThat(check(gate)).isInstanceOfSatisfying(CreditDecision.Unavailable.class,
                unavailable -> assertThat(unavailable.cause()).contains("circuit open"));
        assertThat(finance.calls).isEqualTo(callsWhenOpened);
    }
}
