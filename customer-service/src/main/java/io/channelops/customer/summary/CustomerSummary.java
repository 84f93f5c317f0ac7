package io.channelops.customer.summary;

import io.channelops.customer.customer.Customer;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The customer 360 summary at one moment: the archive's own data about the customer, and what the read model has
 * consumed from order-service and finance-service up to then.
 *
 * @param customer the customer (its classification, owner and last activity)
 * @param openTasks follow-up tasks about the customer still open
 * @param sales orders and sales
 * @param receivables unpaid invoices
 * @param credit credit limit and holds
 * @param churn the churn risk rule's verdict
 * @param asOf when this summary was computed (the clock "today" and the year were taken from)
 * @param lastEventAt when the read model last applied an event about this customer; null when none yet
 */
public record CustomerSummary(Customer customer, long openTasks, Sales sales, Receivables receivables,
        Credit credit, ChurnRule.Churn churn, Instant asOf, @Nullable Instant lastEventAt) {

    /**
     * @param lastOrderAt when the latest order was approved; null without orders
     * @param orderCount approved orders
     * @param lifetime total of all approved orders, per currency
     * @param year the calendar year (business time zone) year-to-date sales are counted in
     * @param yearToDate total of the orders approved this year, per currency (currencies without orders this year
     *        left out)
     */
    public record Sales(@Nullable Instant lastOrderAt, long orderCount, List<Amount> lifetime, int year,
            List<Amount> yearToDate) {
    }

    /**
     * @param openBalance what is still to be paid on invoices not settled, per currency
     * @param overdueBalance the part of it on invoices past their due date, per currency
     * @param openInvoices how many invoices have something to be paid
     * @param overdueInvoices how many of them are past their due date
     */
    public record Receivables(List<Amount> openBalance, List<Amount> overdueBalance, long openInvoices,
            long overdueInvoices) {

        public boolean hasOverdueBalance() {
            return overdueInvoices > 0;
        }
    }

    /**
     * @param status open balance against the limit
     * @param limit the credit limit; null when none is known
     * @param limitChangedAt when finance-service last set it
     * @param lastCreditHoldAt when an order of the customer was last put on credit hold; null when never
     * @param heldSinceLastOrder that hold came after the last approved order (or there is none): the customer's
     *        latest attempt to buy is stuck on credit
     */
    public record Credit(CreditStatus status, @Nullable Amount limit, @Nullable Instant limitChangedAt,
            @Nullable Instant lastCreditHoldAt, boolean heldSinceLastOrder) {
    }
}
