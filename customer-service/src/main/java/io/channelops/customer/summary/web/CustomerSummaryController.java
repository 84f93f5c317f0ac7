package io.channelops.customer.summary.web;

import io.channelops.customer.summary.CustomerSummaries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/customers/{id}/summary}: the customer 360 summary, for callers with {@code customers:read} who
 * see the customer (404 otherwise).
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customer 360", description = "A customer's classification, owner, follow-ups, orders, sales, "
        + "receivables, credit and churn risk in one read")
class CustomerSummaryController {

    static final String EXAMPLE = """
            {
              "customerId": "3f2b8c1e-6a0d-4e43-9a57-0c1d2e3f4a5b",
              "classification": {"code": "C-7KX2M9QA", "name": "Acme Trading", "type": "DISTRIBUTOR",
                                 "level": "KEY", "status": "ACTIVE", "regionCode": "EAST"},
              "owner": {"ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1"},
              "openTasks": 2,
              "lastActivityAt": "2026-03-02T06:30:00Z",
              "lastOrderAt": "2026-02-27T08:15:00Z",
              "orderCount": 14,
              "lifetimeSales": [{"amount": 182400.00, "currency": "CNY"}, {"amount": 5200.00, "currency": "USD"}],
              "salesYear": 2026,
              "yearToDateSales": [{"amount": 23800.00, "currency": "CNY"}],
              "openBalance": [{"amount": 12650.00, "currency": "CNY"}],
              "overdueBalance": [{"amount": 4300.00, "currency": "CNY"}],
              "hasOverdueBalance": true,
              "openInvoices": 3,
              "overdueInvoices": 1,
              "credit": {"status": "WITHIN_LIMIT", "limit": {"amount": 50000.00, "currency": "CNY"},
                         "limitChangedAt": "2026-01-10T03:00:00Z", "lastCreditHoldAt": "2026-02-20T01:45:00Z",
                         "heldSinceLastOrder": false},
              "churnRisk": {"atRisk": false, "usualOrderIntervalDays": 14.5, "daysSinceLastOrder": 6},
              "asOf": "2026-03-05T02:00:00Z",
              "lastEventAt": "2026-03-04T09:12:44.120Z"
            }""";

    static final String NOT_FOUND = """
            {"type": "https://channelops.io/problems/not-found", "title": "Not found", "status": 404,
             "code": "NOT_FOUND", "detail": "customer 3f2b8c1e-6a0d-4e43-9a57-0c1d2e3f4a5b was not found",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";

    private final CustomerSummaries summaries;

    CustomerSummaryController(CustomerSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/{id}/summary")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read a customer's 360 summary", description = """
            Classification, owner, open follow-up tasks and last activity from the archive, and from order-service's \
            and finance-service's events: last order, order count, lifetime and year-to-date sales, open and \
            overdue balance, credit standing and churn risk. Money is listed per currency, never converted.

            The figures from other services come from a local read model fed by their events, never by calling \
            them: eventually consistent, usually a second or two behind; `lastEventAt` says when the summary last \
            took in an event about this customer, `asOf` when it was computed. Dates are judged in the business time \
            zone (setting `channelops.customer.summary.zone`): the year of `yearToDateSales`, whether an invoice is \
            past its due date, and the order days of the churn rule (at risk when the days since the last order day \
            exceed twice the median gap between recent order days; needs two order days).

            404 when the customer does not exist or lies outside the caller's data scope.""")
    @ApiResponse(responseCode = "200", description = "The summary", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = CustomerSummaryResponse.class),
            examples = @ExampleObject(name = "distributor", summary = "A key distributor with an overdue invoice",
                    value = EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "No such customer in the caller's data scope",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "notFound", value = NOT_FOUND)))
    CustomerSummaryResponse summary(
            @Parameter(description = "The customer's id", example = "3f2b8c1e-6a0d-4e43-9a57-0c1d2e3f4a5b")
            @PathVariable String id) {
        return CustomerSummaryResponse.of(summaries.of(id));
    }
}
