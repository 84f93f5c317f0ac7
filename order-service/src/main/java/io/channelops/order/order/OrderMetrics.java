package io.channelops.order.order;

import io.channelops.platform.observability.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The order life cycle in numbers: {@code channelops.orders.submitted}, {@code .approved} and
 * {@code .held} (tagged {@code reason}). Each is counted where the order makes the transition, once
 * its transaction commits ({@link AfterCommit}), so a transition that rolls back or is refused is
 * never counted and an approval after a credit re-check or a release counts once, like any other.
 * Every series exists from startup, at zero.
 */
@Component
class OrderMetrics {

    /** finance-service's reasons for a refusal, and the credit gate's own when finance gives none. */
    static final List<String> HOLD_REASONS = List.of("CREDIT_LIMIT_EXCEEDED", "NO_CREDIT_ACCOUNT",
            "CURRENCY_MISMATCH", "CREDIT_REJECTED");
    /** Any other reason: tag values stay a small, known set. */
    static final String OTHER_REASON = "OTHER";

    private final Counter submitted;
    private final Counter approved;
    private final Map<String, Counter> held = new LinkedHashMap<>();

    OrderMetrics(MeterRegistry meters) {
        submitted = Counter.builder("channelops.orders.submitted")
                .description("Orders submitted (DRAFT left for the credit gate)").register(meters);
        approved = Counter.builder("channelops.orders.approved")
                .description("Orders approved: on submit, after a credit re-check, or released from a hold")
                .register(meters);
        for (String reason : HOLD_REASONS) {
            held.put(reason, heldCounter(meters, reason));
        }
        held.put(OTHER_REASON, heldCounter(meters, OTHER_REASON));
    }

    private static Counter heldCounter(MeterRegistry meters, String reason) {
        return Counter.builder("channelops.orders.held").description("Orders put on credit hold, by reason")
                .tag("reason", reason).register(meters);
    }

    void submitted() {
        AfterCommit.increment(submitted);
    }

    void approved() {
        AfterCommit.increment(approved);
    }

    void held(@Nullable String reason) {
        Counter counter = reason == null ? null : held.get(reason);
        AfterCommit.increment(counter == null ? held.get(OTHER_REASON) : counter);
    }
}
