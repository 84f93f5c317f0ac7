package io.channelops.customer.summary.web;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.customer.customer.CustomerType;
import io.channelops.customer.summary.Amount;
import io.channelops.customer.summary.ChurnRule;
import io.channelops.customer.summary.CreditStatus;
import io.channelops.customer.summary.CustomerSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The customer 360 summary as the API shows it. Money is listed per currency (one entry per currency that has any,
 * never converted); lists are empty when there is nothing. Eventually consistent: the figures from other services
 * are those consumed up to {@code lastEventAt}; {@code asOf} is when the summary was computed.
 */
@Schema(description = "The customer 360 summary")
public record CustomerSummaryResponse(
        @Schema(example = "3f2b8c1e-6a0d-4e43-9a57-0c1d2e3f4a5b") String customerId,
        Classification classification,
        Owner owner,
        @Schema(description = "Follow-up tasks about the customer still open", example = "2") long openTasks,
        @Schema(description = "Last visit, call, e-mail, meeting or note logged; absent when none",
                example = "2026-03-02T06:30:00Z") @Nullable Instant lastActivityAt,
        @Schema(description = "When the latest order was approved; absent without orders",
                example = "2026-02-27T08:15:00Z") @Nullable Instant lastOrderAt,
        @Schema(description = "Approved orders", example = "14") long orderCount,
        @Schema(description = "Total of all approved orders, per currency") List<MoneyResponse> lifetimeSales,
        @Schema(description = "The calendar year (business time zone) yearToDateSales counts", example = "2026")
        int salesYear,
        @Schema(description = "Total of the orders approved in salesYear, per currency")
        List<MoneyResponse> yearToDateSales,
        @Schema(description = "Still to be paid on invoices not settled, per currency") List<MoneyResponse> openBalance,
        @Schema(description = "The part of openBalance on invoices past their due date, per currency")
        List<MoneyResponse> overdueBalance,
        @Schema(description = "Some invoice is past its due date and not fully paid", example = "true")
        boolean hasOverdueBalance,
        @Schema(description = "Invoices with something still to be paid", example = "3") long openInvoices,
        @Schema(description = "Of those, the ones past their due date", example = "1") long overdueInvoices,
        Credit credit,
        ChurnRisk churnRisk,
        @Schema(description = "When this summary was computed", example = "2026-03-05T02:00:00Z") Instant asOf,
        @Schema(description = "When the summary last took in an event about this customer; absent when none yet",
                example = "2026-03-04T09:12:44.120Z") @Nullable Instant lastEventAt) {

    /** The customer's classification in the archive. */
    public record Classification(@Schema(example = "C-7KX2M9QA") String code,
            @Schema(example = "Acme Trading") String name, CustomerType type, CustomerLevel level,
            CustomerStatus status, @Schema(example = "EAST") String regionCode) {
    }

    /** Who is responsible for the customer. */
    public record Owner(@Schema(example = "u-rep-east1-a") String ownerId,
            @Schema(example = "/hq/east/team-1") String orgPath) {
    }

    /** An amount of money: decimal amount and ISO 4217 currency. */
    public record MoneyResponse(@Schema(example = "1280.50") BigDecimal amount,
            @Schema(example = "CNY") String currency) {

        static List<MoneyResponse> of(List<Amount> amounts) {
            return amounts.stream().map(a -> new MoneyResponse(a.amount(), a.currency())).toList();
        }
    }

    /**
     * Credit standing: the open balance in the limit's currency against finance-service's credit limit, and the
     * latest credit hold of an order.
     */
    public record Credit(
            @Schema(description = "NO_ACCOUNT (no credit limit known), WITHIN_LIMIT (open balance at most the "
                    + "limit) or OVER_LIMIT (above it)", example = "WITHIN_LIMIT") CreditStatus status,
            @Schema(description = "The credit limit; absent with NO_ACCOUNT") @Nullable MoneyResponse limit,
            @Schema(description = "When finance-service last set the limit", example = "2026-01-10T03:00:00Z")
            @Nullable Instant limitChangedAt,
            @Schema(description = "When an order of the customer was last put on credit hold; absent when never",
                    example = "2026-02-20T01:45:00Z") @Nullable Instant lastCreditHoldAt,
            @Schema(description = "The last credit hold came after the last approved order (or there is none)",
                    example = "false") boolean heldSinceLastOrder) {
    }

    /**
     * The churn risk rule: at risk when the days since the last order day exceed twice the usual interval, the
     * median gap in days between the customer's recent order days. Needs two order days, else never at risk.
     */
    public record ChurnRisk(@Schema(example = "false") boolean atRisk,
            @Schema(description = "Median gap in days between recent order days; absent with fewer than two",
                    example = "14.5") @Nullable BigDecimal usualOrderIntervalDays,
            @Schema(description = "Days since the last order day; absent without orders", example = "6")
            @Nullable Long daysSinceLastOrder) {
    }

    static CustomerSummaryResponse of(CustomerSummary summary) {
        Customer customer = summary.customer();
        CustomerSummary.Sales sales = summary.sales();
        CustomerSummary.Receivables receivables = summary.receivables();
        CustomerSummary.Credit credit = summary.credit();
        ChurnRule.Churn churn = summary.churn();
        Amount limit = credit.limit();
        return new CustomerSummaryResponse(customer.id(),
                new Classification(customer.code(), customer.name(), customer.type(), customer.level(),
                        customer.status(), customer.regionCode()),
                new Owner(customer.ownership().ownerId(), customer.ownership().orgPath()),
                summary.openTasks(), customer.lastActivityAt(), sales.lastOrderAt(), sales.orderCount(),
                MoneyResponse.of(sales.lifetime()), sales.year(), MoneyResponse.of(sales.yearToDate()),
                MoneyResponse.of(receivables.openBalance()), MoneyResponse.of(receivables.overdueBalance()),
                receivables.hasOverdueBalance(), receivables.openInvoices(), receivables.overdueInvoices(),
                new Credit(credit.status(), limit == null ? null : new MoneyResponse(limit.amount(), limit.currency()),
                        credit.limitChangedAt(), credit.lastCreditHoldAt(), credit.heldSinceLastOrder()),
                new ChurnRisk(churn.atRisk(), churn.usualIntervalDays(), churn.daysSinceLastOrder()),
                summary.asOf(), summary.lastEventAt());
    }
}
