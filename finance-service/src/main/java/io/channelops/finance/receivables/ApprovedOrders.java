package io.channelops.finance.receivables;

import java.math.BigDecimal;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Orders approved by order-service, as far as finance needs them for exposure. */
public interface ApprovedOrders extends JpaRepository<ApprovedOrder, String> {

    /**
     * Σ over the customer's approved orders in {@code currency} (but {@code excludedOrderId}) of
     * max(0, order total − Σ invoiced for that order in the same currency).
     */
    @Query(value = """
            SELECT COALESCE(SUM(GREATEST(o.total - COALESCE((SELECT SUM(i.total) FROM invoices i
                                                             WHERE i.order_id = o.order_id
                                                               AND i.currency = o.currency), 0), 0)), 0)
            FROM approved_orders o
            WHERE o.customer_id = :customerId AND o.currency = :currency AND o.order_id <> :excludedOrderId""",
            nativeQuery = true)
    BigDecimal notInvoicedOf(@Param("customerId") String customerId, @Param("currency") String currency,
            @Param("excludedOrderId") String excludedOrderId);
}
