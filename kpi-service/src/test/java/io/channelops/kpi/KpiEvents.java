package io.channelops.kpi;

import io.channelops.events.Money;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test data: other services' events as they publish them. */
public final class KpiEvents {

    private KpiEvents() {
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static OrderApproved orderApproved(String orderId, String customerId, String repId, String amount,
            String currency) {
        BigDecimal total = new BigDecimal(amount);
        return new OrderApproved(orderId, "SO-" + orderId.substring(0, Math.min(8, orderId.length())), customerId, repId,
                List.of(new OrderLine(1, id(), 1, total)), new Money(total, currency),
                Instant.parse("2026-03-01T08:30:00Z"));
    }

    public static PaymentPosted paymentPosted(String paymentId, String orderId, String customerId, String amount,
            String currency) {
        return new PaymentPosted(paymentId, customerId, id(), orderId, new Money(new BigDecimal(amount), currency),
                Instant.parse("2026-03-20T02:00:00Z"));
    }
}
