package io.channelops.kpi;

import io.channelops.events.Money;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test data: other services' events as they publish them. Without an org path of their own, events come from
 * {@link #ORG_PATH}, a unit no test caller lives in (only company-wide callers such as the default one see it).
 */
public final class KpiEvents {

    /** The org path of events whose test does not care about data scope. */
    public static final String ORG_PATH = "/hq/kpi-tests";

    private KpiEvents() {
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static OrderApproved orderApproved(String orderId, String customerId, String repId, String amount,
            String currency) {
        return orderApproved(orderId, customerId, repId, ORG_PATH, amount, currency);
    }

    /** An approval of an order owned by {@code repId} in {@code orgPath}. */
    public static OrderApproved orderApproved(String orderId, String customerId, String repId, String orgPath,
            String amount, String currency) {
        BigDecimal total = new BigDecimal(amount);
        return new OrderApproved(orderId, "SO-" + orderId.substring(0, Math.min(8, orderId.length())), customerId, repId,
                List.of(new OrderLine(1, id(), 1, total)), new Money(total, currency),
                Instant.parse("2026-03-01T08:30:00Z"), orgPath);
    }

    /** A payment owned by {@code system} at {@link #ORG_PATH}. */
    public static PaymentPosted paymentPosted(String paymentId, String orderId, String customerId, String amount,
            String currency) {
        return paymentPosted(paymentId, orderId, customerId, "system", ORG_PATH, amount, currency);
    }

    /** A payment of an order owned by {@code ownerId} in {@code orgPath} (finance copies both from the order). */
    public static PaymentPosted paymentPosted(String paymentId, String orderId, String customerId, String ownerId,
            String orgPath, String amount, String currency) {
        return new PaymentPosted(paymentId, customerId, id(), orderId, new Money(new BigDecimal(amount), currency),
                Instant.parse("2026-03-20T02:00:00Z"), ownerId, orgPath);
    }
}
