package io.channelops.customer.summary;

import static io.channelops.customer.summary.SummaryEvents.creditLimitChanged;
import static io.channelops.customer.summary.SummaryEvents.invoiceIssued;
import static io.channelops.customer.summary.SummaryEvents.invoiceSettled;
import static io.channelops.customer.summary.SummaryEvents.newId;
import static io.channelops.customer.summary.SummaryEvents.orderApproved;
import static io.channelops.customer.summary.SummaryEvents.orderCreditHeld;
import static io.channelops.customer.summary.SummaryEvents.paymentPosted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.Customers;
import io.channelops.events.DomainEvent;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer 360 summary fed by sample events of order-service and finance-service, published to the real broker
 * with the CloudEvents headers their outboxes write, and read through the API.
 */
@ServiceIntegrationTest
class CustomerSummaryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SummarySettings settings;

    @Autowired
    SummaryQueries queries;

    @Autowired
    Customers customers;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    // --- helpers

    private String registerCustomer() throws Exception {
        return registerCustomer(Callers.REP_EAST_1);
    }

    private String registerCustomer(Caller owner) throws Exception {
        String code = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        MvcResult result = mvc.perform(post("/api/v1/customers").with(owner.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Summary customer","type":"DISTRIBUTOR","regionCode":"EAST"}"""
                                .formatted(code)))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    /** Publishes as the producing service's outbox relay would and waits until the summary has taken it in. */
    private String publishAndAwait(DomainEvent event) {
        return publishAndAwait(event, 1);
    }

    private String publishAndAwait(DomainEvent event, long aggregateVersion) {
        String eventId = EventProbe.publish(event, aggregateVersion);
        awaitApplied(eventId);
        return eventId;
    }

    private void awaitApplied(String eventId) {
        Awaitility.await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?",
                eventId) == 1);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private JsonNode summary(String customerId) throws Exception {
        return json.readTree(summaryJson(customerId));
    }

    private String summaryJson(String customerId) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/customers/{id}/summary", customerId))
                .andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString();
    }

    /** A list of money as currency → amount, in the order served. */
    private static Map<String, BigDecimal> money(JsonNode list) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        list.forEach(m -> amounts.put(m.get("currency").asString(), m.get("amount").decimalValue()));
        return amounts;
    }

    private static Map<String, BigDecimal> money(Object... currencyAndAmount) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (int i = 0; i < currencyAndAmount.length; i += 2) {
            amounts.put((String) currencyAndAmount[i], new BigDecimal((String) currencyAndAmount[i + 1]));
        }
        return amounts;
    }

    private static void assertMoney(JsonNode list, Object... currencyAndAmount) {
        Map<String, BigDecimal> actual = money(list);
        Map<String, BigDecimal> expected = money(currencyAndAmount);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((currency, amount) -> assertThat(actual.get(currency)).as(currency)
                .isEqualByComparingTo(amount));
    }

    private LocalDate today() {
        return LocalDate.now(settings.zone());
    }

    /** Noon of a business day some days ago, so the day is the same in every reading. */
    private Instant noonDaysAgo(int days) {
        return today().minusDays(days).atTime(LocalTime.NOON).atZone(settings.zone()).toInstant();
    }

    private Instant lastOrderAtColumn(String customerId) {
        Timestamp at = jdbc.queryForObject("SELECT last_order_at FROM customers WHERE id = ?", Timestamp.class,
                customerId);
        return at == null ? Instant.EPOCH : at.toInstant();
    }

    // --- the archive's own part

    @Test
    void showsClassificationOwnerOpenTasksAndLastActivityAndAnEmptyReadModelForANewCustomer() throws Exception {
        String customerId = registerCustomer();
        String other = registerCustomer();
        Instant activity = Instant.parse("2026-01-15T03:04:05Z");
        jdbc.update("UPDATE customers SET level = 'KEY', status = 'ACTIVE', last_activity_at = ? WHERE id = ?",
                Timestamp.from(activity), customerId);
        task(customerId, "OPEN");
        task(customerId, "OPEN");
        task(customerId, "DONE");
        task(other, "OPEN");

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode summary = summary(customerId);

        assertThat(summary.get("customerId").asString()).isEqualTo(customerId);
        JsonNode classification = summary.get("classification");
        assertThat(classification.get("code").asString()).startsWith("S");
        assertThat(classification.get("name").asString()).isEqualTo("Summary customer");
        assertThat(classification.get("type").asString()).isEqualTo("DISTRIBUTOR");
        assertThat(classification.get("level").asString()).isEqualTo("KEY");
        assertThat(classification.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(classification.get("regionCode").asString()).isEqualTo("EAST");
        assertThat(summary.get("owner").get("ownerId").asString()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(summary.get("owner").get("orgPath").asString()).isEqualTo(Callers.REP_EAST_1.orgPath());
        assertThat(summary.get("openTasks").asLong()).isEqualTo(2);
        assertThat(Instant.parse(summary.get("lastActivityAt").asString())).isEqualTo(activity);

        assertThat(summary.get("orderCount").asLong()).isZero();
        assertThat(summary.has("lastOrderAt")).isFalse();
        assertThat(summary.get("lifetimeSales").isEmpty()).isTrue();
        assertThat(summary.get("yearToDateSales").isEmpty()).isTrue();
        assertThat(summary.get("salesYear").asInt()).isEqualTo(today().getYear());
        assertThat(summary.get("openBalance").isEmpty()).isTrue();
        assertThat(summary.get("overdueBalance").isEmpty()).isTrue();
        assertThat(summary.get("hasOverdueBalance").asBoolean()).isFalse();
        assertThat(summary.get("credit").get("status").asString()).isEqualTo("NO_ACCOUNT");
        assertThat(summary.get("credit").has("limit")).isFalse();
        assertThat(summary.get("credit").get("heldSinceLastOrder").asBoolean()).isFalse();
        assertThat(summary.get("churnRisk").get("atRisk").asBoolean()).isFalse();
        assertThat(summary.get("churnRisk").has("daysSinceLastOrder")).isFalse();
        assertThat(Instant.parse(summary.get("asOf").asString())).isAfterOrEqualTo(before);
        assertThat(summary.has("lastEventAt")).isFalse();
    }

    private void task(String customerId, String status) {
        jdbc.update("""
                INSERT INTO tasks (id, customer_id, title, due_date, assignee_id, status, created_by, created_at,
                                   updated_at, owner_id, org_path, version)
                VALUES (?, ?, 'Call back', ?, 'u-rep-east1-a', ?, 'u-rep-east1-a', ?, ?, 'u-rep-east1-a',
                        '/hq/east/team-1', 0)""", newId(), customerId, today(), status,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    }

    @Test
    void isNotFoundOutsideTheCallersScope() throws Exception {
        String customerId = registerCustomer(Callers.REP_EAST_1);

        mvc.perform(get("/api/v1/customers/{id}/summary", customerId).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/{id}/summary", customerId).with(Callers.REP_WEST_1.asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/customers/{id}/summary", customerId).with(Callers.MANAGER_WEST.asCaller()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/{id}/summary", newId()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void openApiDescribesTheSummaryWithExamples() throws Exception {
        MvcResult result = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn();
        JsonNode operation = json.readTree(result.getResponse().getContentAsString())
                .get("paths").get("/api/v1/customers/{id}/summary").get("get");

        assertThat(operation.get("description").asString()).contains("eventually consistent");
        JsonNode example = operation.get("responses").get("200").get("content").get("application/json")
                .get("examples").get("distributor").get("value");
        assertThat(example.get("churnRisk").get("usualOrderIntervalDays").decimalValue())
                .isEqualByComparingTo("14.5");
        assertThat(operation.get("responses").get("404").get("content").get("application/problem+json")
                .get("examples").get("notFound").get("value").get("code").asString()).isEqualTo("NOT_FOUND");
    }

    // --- orders

    @Test
    void countsAnOrderApprovalOnceHoweverOftenItIsDelivered() throws Exception {
        String customerId = registerCustomer();
        String orderId = newId();
        Instant first = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant latest = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        var approved = orderApproved(orderId, customerId, "1000.00", "CNY", first);

        String eventId = newId();
        EventProbe.publish(approved, eventId, 1);
        EventProbe.publish(approved, eventId, 1);
        // the same order again under a new event id (a copy an outbox may send): same key, same partition, after
        // the duplicate, so once it is in the inbox both earlier deliveries have been handled
        publishAndAwait(approved);
        publishAndAwait(orderApproved(newId(), customerId, "500.50", "CNY", latest));

        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", eventId)).isEqualTo(1);
        JsonNode summary = summary(customerId);
        assertThat(summary.get("orderCount").asLong()).isEqualTo(2);
        assertMoney(summary.get("lifetimeSales"), "CNY", "1500.50");
        assertThat(Instant.parse(summary.get("lastOrderAt").asString())).isEqualTo(latest);
        assertThat(lastOrderAtColumn(customerId)).isEqualTo(latest);
        assertThat(Instant.parse(summary.get("lastEventAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(summary.get("asOf").asString()));

        // an order approved earlier but delivered late counts, and does not move the last order back
        publishAndAwait(orderApproved(newId(), customerId, "10", "CNY", first.minus(1, ChronoUnit.DAYS)));
        summary = summary(customerId);
        assertThat(summary.get("orderCount").asLong()).isEqualTo(3);
        assertThat(Instant.parse(summary.get("lastOrderAt").asString())).isEqualTo(latest);
        assertThat(lastOrderAtColumn(customerId)).isEqualTo(latest);
    }

    @Test
    void separatesYearToDateFromLifetimeSalesAtTheBusinessYearBoundary() throws Exception {
        String customerId = registerCustomer();
        Instant startOfYear = today().withDayOfYear(1).atStartOfDay(settings.zone()).toInstant();
        Instant lastMinuteOfLastYear = startOfYear.minus(1, ChronoUnit.MINUTES);
        Instant firstMinuteOfThisYear = startOfYear.plus(1, ChronoUnit.MINUTES);
        // with the default zone (UTC+8) the first minute of this year is still last year in UTC: the business
        // zone decides
        publishAndAwait(orderApproved(newId(), customerId, "100.00", "CNY", lastMinuteOfLastYear));
        publishAndAwait(orderApproved(newId(), customerId, "250.25", "CNY", firstMinuteOfThisYear));
        publishAndAwait(orderApproved(newId(), customerId, "40", "USD", startOfYear.minus(30, ChronoUnit.DAYS)));

        JsonNode summary = summary(customerId);

        assertThat(summary.get("orderCount").asLong()).isEqualTo(3);
        assertMoney(summary.get("lifetimeSales"), "CNY", "350.25", "USD", "40");
        assertThat(summary.get("salesYear").asInt()).isEqualTo(today().getYear());
        assertMoney(summary.get("yearToDateSales"), "CNY", "250.25");
        assertThat(summaryJson(customerId)).contains("{\"amount\":40.00,\"currency\":\"USD\"}");
        assertThat(Instant.parse(summary.get("lastOrderAt").asString())).isEqualTo(firstMinuteOfThisYear);
    }

    @Test
    void flagsChurnRiskWhenTheLastOrderIsLongerAgoThanTwiceTheMedianGap() throws Exception {
        // order days 61, 51 and 31 days ago: gaps 10 and 20, median 15, at risk after 30 days; 31 have passed
        String atRisk = registerCustomer();
        for (int daysAgo : new int[] {61, 51, 31}) {
            publishAndAwait(orderApproved(newId(), atRisk, "10", "CNY", noonDaysAgo(daysAgo)));
        }
        // order days 60, 50, 50 (a second order the same day) and 30 days ago: exactly twice the median, not yet
        String onTime = registerCustomer();
        for (int daysAgo : new int[] {60, 50, 50, 30}) {
            publishAndAwait(orderApproved(newId(), onTime, "10", "CNY", noonDaysAgo(daysAgo)));
        }
        // one order long ago: no habit to break
        String once = registerCustomer();
        publishAndAwait(orderApproved(newId(), once, "10", "CNY", noonDaysAgo(400)));

        JsonNode churn = summary(atRisk).get("churnRisk");
        assertThat(churn.get("atRisk").asBoolean()).isTrue();
        assertThat(churn.get("usualOrderIntervalDays").decimalValue()).isEqualByComparingTo("15");
        assertThat(churn.get("daysSinceLastOrder").asLong()).isEqualTo(31);

        churn = summary(onTime).get("churnRisk");
        assertThat(churn.get("atRisk").asBoolean()).isFalse();
        assertThat(churn.get("usualOrderIntervalDays").decimalValue()).isEqualByComparingTo("15");
        assertThat(churn.get("daysSinceLastOrder").asLong()).isEqualTo(30);

        churn = summary(once).get("churnRisk");
        assertThat(churn.get("atRisk").asBoolean()).isFalse();
        assertThat(churn.has("usualOrderIntervalDays")).isFalse();
        assertThat(churn.get("daysSinceLastOrder").asLong()).isEqualTo(400);
    }

    // --- credit

    @Test
    void ignoresAnOlderCreditLimitSnapshotThatArrivesAfterANewerOne() throws Exception {
        String customerId = registerCustomer();
        publishAndAwait(creditLimitChanged(customerId, "8000", "CNY"), 2);
        publishAndAwait(creditLimitChanged(customerId, "5000", "CNY"), 1);

        JsonNode credit = summary(customerId).get("credit");
        assertThat(credit.get("status").asString()).isEqualTo("WITHIN_LIMIT");
        assertThat(credit.get("limit").get("amount").decimalValue()).isEqualByComparingTo("8000");
        assertThat(credit.get("limit").get("currency").asString()).isEqualTo("CNY");

        // a newer snapshot applies; an open balance above it puts the customer over the limit
        publishAndAwait(creditLimitChanged(customerId, "300", "CNY"), 3);
        publishAndAwait(invoiceIssued(newId(), customerId, "400", "CNY", today().plusDays(30)));
        credit = summary(customerId).get("credit");
        assertThat(credit.get("status").asString()).isEqualTo("OVER_LIMIT");
        assertThat(credit.get("limit").get("amount").decimalValue()).isEqualByComparingTo("300");
    }

    @Test
    void showsACreditHoldThatCameAfterTheLastApprovedOrder() throws Exception {
        String customerId = registerCustomer();
        Instant approvedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant heldAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        publishAndAwait(orderApproved(newId(), customerId, "100", "CNY", approvedAt));
        publishAndAwait(orderCreditHeld(newId(), customerId, "90000", heldAt));

        JsonNode credit = summary(customerId).get("credit");
        assertThat(Instant.parse(credit.get("lastCreditHoldAt").asString())).isEqualTo(heldAt);
        assertThat(credit.get("heldSinceLastOrder").asBoolean()).isTrue();

        publishAndAwait(orderApproved(newId(), customerId, "100", "CNY", Instant.now()));
        credit = summary(customerId).get("credit");
        assertThat(Instant.parse(credit.get("lastCreditHoldAt").asString())).isEqualTo(heldAt);
        assertThat(credit.get("heldSinceLastOrder").asBoolean()).isFalse();
    }

    // --- invoices and payments

    @Test
    void keepsAPaymentThatArrivesBeforeItsInvoiceAndAppliesItWhenTheInvoiceArrives() throws Exception {
        String customerId = registerCustomer();
        String invoiceId = newId();
        publishAndAwait(paymentPosted(invoiceId, customerId, "300", "CNY"));
        assertThat(summary(customerId).get("openBalance").isEmpty()).isTrue();

        publishAndAwait(invoiceIssued(invoiceId, customerId, "1000", "CNY", today().plusDays(30)));
        JsonNode summary = summary(customerId);
        assertMoney(summary.get("openBalance"), "CNY", "700");
        assertThat(summary.get("openInvoices").asLong()).isEqualTo(1);
        assertThat(summary.get("overdueBalance").isEmpty()).isTrue();

        // paid in full: nothing open, even before finance-service's settlement arrives
        publishAndAwait(paymentPosted(invoiceId, customerId, "700", "CNY"));
        assertThat(summary(customerId).get("openBalance").isEmpty()).isTrue();
        publishAndAwait(invoiceSettled(invoiceId, customerId));
        summary = summary(customerId);
        assertThat(summary.get("openBalance").isEmpty()).isTrue();
        assertThat(summary.get("openInvoices").asLong()).isZero();
    }

    @Test
    void aSettlementThatArrivesBeforeItsInvoiceClosesIt() throws Exception {
        String customerId = registerCustomer();
        String invoiceId = newId();
        publishAndAwait(invoiceSettled(invoiceId, customerId));
        publishAndAwait(invoiceIssued(invoiceId, customerId, "1000", "CNY", today().minusDays(5)));
        publishAndAwait(invoiceIssued(newId(), customerId, "20", "CNY", today().plusDays(5)));

        JsonNode summary = summary(customerId);
        assertMoney(summary.get("openBalance"), "CNY", "20");
        assertThat(summary.get("overdueBalance").isEmpty()).isTrue();
    }

    @Test
    void overdueBalanceIsThePartOfTheOpenBalancePastItsDueDate() throws Exception {
        String customerId = registerCustomer();
        String pastDue = newId();
        publishAndAwait(invoiceIssued(pastDue, customerId, "400", "CNY", today().minusDays(1)));
        publishAndAwait(paymentPosted(pastDue, customerId, "100", "CNY"));
        publishAndAwait(invoiceIssued(newId(), customerId, "600", "CNY", today().plusDays(1)));
        publishAndAwait(invoiceIssued(newId(), customerId, "50", "CNY", today()));
        publishAndAwait(invoiceIssued(newId(), customerId, "20", "USD", today().minusDays(10)));

        JsonNode summary = summary(customerId);

        // CNY: 300 still to pay past due, 600 due tomorrow, 50 due today (not yet overdue)
        assertMoney(summary.get("openBalance"), "CNY", "950", "USD", "20");
        assertMoney(summary.get("overdueBalance"), "CNY", "300", "USD", "20");
        assertThat(summary.get("openInvoices").asLong()).isEqualTo(4);
        assertThat(summary.get("overdueInvoices").asLong()).isEqualTo(2);
        assertThat(summary.get("hasOverdueBalance").asBoolean()).isTrue();
    }

    @Test
    void hasOverdueBalanceFilterFindsExactlyTheCustomersWithSomethingUnpaidPastItsDueDate() throws Exception {
        String overdue = registerCustomer();
        publishAndAwait(invoiceIssued(newId(), overdue, "400", "CNY", today().minusDays(1)));
        String dueLater = registerCustomer();
        publishAndAwait(invoiceIssued(newId(), dueLater, "400", "CNY", today().plusDays(1)));
        String paidNotYetSettled = registerCustomer();
        String paidInvoice = newId();
        publishAndAwait(invoiceIssued(paidInvoice, paidNotYetSettled, "400", "CNY", today().minusDays(1)));
        publishAndAwait(paymentPosted(paidInvoice, paidNotYetSettled, "400", "CNY"));
        String settled = registerCustomer();
        String settledInvoice = newId();
        publishAndAwait(invoiceIssued(settledInvoice, settled, "400", "CNY", today().minusDays(1)));
        publishAndAwait(invoiceSettled(settledInvoice, settled));
        String noInvoices = registerCustomer();
        List<String> all = List.of(overdue, dueLater, paidNotYetSettled, settled, noInvoices);

        List<String> withOverdue = customers.findAll(queries.hasOverdueBalance(true)).stream().map(Customer::id)
                .filter(all::contains).toList();
        List<String> withoutOverdue = customers.findAll(queries.hasOverdueBalance(false)).stream().map(Customer::id)
                .filter(all::contains).toList();
        List<String> bySql = jdbc.queryForList("SELECT c.id FROM customers c WHERE "
                + SummaryQueries.overdueBalanceCondition("c.id") + " AND c.id IN (?, ?, ?, ?, ?)", String.class,
                queries.today(), overdue, dueLater, paidNotYetSettled, settled, noInvoices);

        assertThat(withOverdue).containsExactly(overdue);
        assertThat(withoutOverdue).containsExactlyInAnyOrder(dueLater, paidNotYetSettled, settled, noInvoices);
        assertThat(bySql).containsExactly(overdue);
        assertThat(queries.today()).isEqualTo(today());
        // the customer search's filter answers the same
        assertThat(searchIds("true")).filteredOn(all::contains).containsExactly(overdue);
        assertThat(searchIds("false")).filteredOn(all::contains)
                .containsExactlyInAnyOrder(dueLater, paidNotYetSettled, settled, noInvoices);
    }

    private List<String> searchIds(String hasOverdueBalance) throws Exception {
        String body = mvc.perform(get("/api/v1/customers").param("hasOverdueBalance", hasOverdueBalance)
                        .param("size", "200").param("sort", "createdAt,desc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = new java.util.ArrayList<>();
        json.readTree(body).get("content").forEach(customer -> ids.add(customer.get("id").asString()));
        return ids;
    }

    @Test
    void anEventThatCanNeverBeAppliedGoesToTheDeadLettersAndChangesNothing() throws Exception {
        String customerId = registerCustomer();
        String orderId = newId();
        var approved = orderApproved(orderId, customerId, "100", "CNY", Instant.now());
        var withoutCustomer = new io.channelops.events.order.OrderApproved(orderId, approved.orderNumber(), null,
                approved.salesRepId(), approved.lines(), approved.total(), approved.approvedAt(), approved.orgPath());

        String eventId = EventProbe.publish(withoutCustomer, 1);

        Awaitility.await().atMost(PATIENCE).until(() -> count(
                "SELECT COUNT(*) FROM dead_letters WHERE event_id = ?", eventId) == 1);
        assertThat(count("SELECT COUNT(*) FROM summary_orders WHERE order_id = ?", orderId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", eventId)).isZero();
    }

    // --- merges

    @Test
    void foldsAMergedCustomersSummaryIntoTheSurvivorAndCountsLaterEventsForItThere() throws Exception {
        String survivor = registerCustomer();
        String merged = registerCustomer();
        Instant survivorOrder = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant mergedOrder = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        publishAndAwait(orderApproved(newId(), survivor, "100", "CNY", survivorOrder));
        publishAndAwait(orderApproved(newId(), merged, "200", "CNY", mergedOrder));
        String mergedInvoice = newId();
        publishAndAwait(invoiceIssued(mergedInvoice, merged, "300", "CNY", today().minusDays(3)));
        publishAndAwait(orderCreditHeld(newId(), merged, "5000", mergedOrder.plusSeconds(60)));

        tx.executeWithoutResult(status -> events.publishEvent(new CustomersMerged(survivor, merged, "OLD-CODE",
                Callers.DIRECTOR.id(), Instant.now(), Callers.REP_EAST_1.id(), Callers.REP_EAST_1.orgPath())));

        JsonNode summary = summary(survivor);
        assertThat(summary.get("orderCount").asLong()).isEqualTo(2);
        assertMoney(summary.get("lifetimeSales"), "CNY", "300");
        assertThat(Instant.parse(summary.get("lastOrderAt").asString())).isEqualTo(mergedOrder);
        assertThat(lastOrderAtColumn(survivor)).isEqualTo(mergedOrder);
        assertMoney(summary.get("overdueBalance"), "CNY", "300");
        assertThat(summary.get("credit").get("heldSinceLastOrder").asBoolean()).isTrue();

        // finance-service and order-service still name the merged customer: it counts for the survivor
        publishAndAwait(paymentPosted(mergedInvoice, merged, "120", "CNY"));
        Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publishAndAwait(orderApproved(newId(), merged, "50", "CNY", later));
        summary = summary(survivor);
        assertThat(summary.get("orderCount").asLong()).isEqualTo(3);
        assertMoney(summary.get("lifetimeSales"), "CNY", "350");
        assertMoney(summary.get("overdueBalance"), "CNY", "180");
        assertThat(lastOrderAtColumn(survivor)).isEqualTo(later);
        assertThat(summary(merged).get("orderCount").asLong()).isZero();

        // merged again into a third customer: the first merged customer's events follow to the final survivor
        String finalSurvivor = registerCustomer();
        tx.executeWithoutResult(status -> events.publishEvent(new CustomersMerged(finalSurvivor, survivor,
                "CODE", Callers.DIRECTOR.id(), Instant.now(), Callers.REP_EAST_1.id(),
                Callers.REP_EAST_1.orgPath())));
        publishAndAwait(orderApproved(newId(), merged, "1", "CNY", later.minusSeconds(5)));
        summary = summary(finalSurvivor);
        assertThat(summary.get("orderCount").asLong()).isEqualTo(4);
        assertMoney(summary.get("lifetimeSales"), "CNY", "351");
        assertThat(lastOrderAtColumn(finalSurvivor)).isEqualTo(later);
    }
}
