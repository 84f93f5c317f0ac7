package io.channelops.kpi.fact;

import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.platform.inbox.PoisonEventException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns consumed events into facts. Runs inside the inbox's transaction, so a fact and the inbox
 * row of its event commit together or not at all.
 */
@Service
public class FactRecorder {

    private static final Logger log = LoggerFactory.getLogger(FactRecorder.class);

    private final OrderFacts orders;
    private final PaymentFacts payments;
    private final Clock clock;

    FactRecorder(OrderFacts orders, PaymentFacts payments, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void orderApproved(OrderApproved event) {
        OrderFact fact = usable(event, OrderFact::of, "OrderApproved");
        if (!orders.add(fact, now())) {
            log.info("Order {} already has a fact; OrderApproved ignored", fact.orderId());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void paymentPosted(PaymentPosted event) {
        PaymentFact fact = usable(event, PaymentFact::of, "PaymentPosted");
        if (!payments.add(fact, now())) {
            log.info("Payment {} already has a fact; PaymentPosted ignored", fact.paymentId());
        }
    }

    /** A payload that breaks the fact rules will never become usable: no retries, straight to the dead letters. */
    private static <E, F> F usable(E event, Function<E, F> toFact, String type) {
        try {
            return toFact.apply(event);
        }
        catch (IllegalArgumentException ex) {
            throw new PoisonEventException(type + " cannot be recorded: " + ex.getMessage(), ex);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
