package io.channelops.finance.receivables;

import static io.channelops.finance.FinanceApi.amount;
import static io.channelops.finance.FinanceApi.line;
import static io.channelops.finance.FinanceApi.newId;
import static io.channelops.finance.FinanceApi.orderApproved;
import static io.channelops.finance.FinanceApi.shipmentDispatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.finance.InvoiceIssued;
import io.channelops.events.logistics.ShipmentDispatched;
import io.channelops.events.Money;
import io.channelops.events.order.OrderApproved;
import io.channelops.events.order.OrderLine;
import io.channelops.finance.FinanceApi;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Approved orders and dispatched shipments in, invoices and exposure out. */
@ServiceIntegrationTest
class ReceivablesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    FinanceApi api;

    @BeforeEach
    void setUp() {
        api = new FinanceApi(mvc, json);
    }

    private void awaitInboxHas(String eventId) {
        Awaitility.await().atMost(FinanceApi.PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", Long.class, eventId) == 1);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    @Test
    void issuesOneInvoicePerShipmentEvenWhenTheEventIsRedeliveredOrCopiedAndPublishesInvoiceIssued()
            throws Exception {
        String customerId = newId();
        String orderId = newId();
        String shipmentId = newId();
        ShipmentDispatched dispatched = shipmentDispatched(shipmentId, orderId, customerId, "CNY",
                line("p-1", 3, "33.335"), line("p-2", 2, "10.50"));
        String eventId = newId();
        EventProbe.publish(dispatched, eventId, 1);
        EventProbe.publish(dispatched, eventId, 1);
        String copyId = EventProbe.publish(dispatched, 1);
        awaitInboxHas(copyId);

        assertThat(count("SELECT COUNT(*) FROM invoices WHERE shipment_id = ?", shipmentId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id IN (?, ?)", eventId, copyId))
                .isEqualTo(2);
        JsonNode page = api.invoicesOf(orderId);
        assertThat(page.get("content").size()).isEqualTo(1);
        JsonNode invoice = page.get("content").get(0);
        String invoiceId = invoice.get("id").asString();
        assertThat(invoice.get("number").asString()).matches("INV-\\d{8}-[A-Z0-9]{6}");
        assertThat(invoice.get("shipmentId").asString()).isEqualTo(shipmentId);
        assertThat(invoice.get("customerId").asString()).isEqualTo(customerId);
        assertThat(invoice.get("status").asString()).isEqualTo("OPEN");
        assertThat(amount(invoice.get("total"))).isEqualByComparingTo("121.01");
        assertThat(invoice.get("total").get("currency").asString()).isEqualTo("CNY");
        assertThat(amount(invoice.get("openBalance"))).isEqualByComparingTo("121.01");
        assertThat(invoice.get("lines").size()).isEqualTo(2);
        assertThat(amount(invoice.get("lines").get(0).get("amount"))).isEqualByComparingTo("100.01");
        assertThat(amount(invoice.get("lines").get(0).get("unitPrice"))).isEqualByComparingTo("33.335");
        LocalDate issued = LocalDate.ofInstant(Instant.parse(invoice.get("issuedAt").asString()), ZoneOffset.UTC);
        assertThat(invoice.get("dueDate").asString()).isEqualTo(issued.plusDays(30).toString());

        mvc.perform(get("/api/v1/invoices/" + invoiceId)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.number").value(invoice.get("number").asString()));

        ConsumerRecord<String, String> event = EventProbe.await(Topics.INVOICES, r -> invoiceId.equals(r.key()),
                FinanceApi.PATIENCE);
        assertThat(EventProbe.header(event, "ce_type")).isEqualTo("io.channelops.finance.InvoiceIssued");
        InvoiceIssued issuedEvent = EventProbe.payload(event, InvoiceIssued.class);
        assertThat(issuedEvent.shipmentId()).isEqualTo(shipmentId);
        assertThat(issuedEvent.orderId()).isEqualTo(orderId);
        assertThat(issuedEvent.total().amount()).isEqualByComparingTo("121.01");
        assertThat(issuedEvent.dueDate()).isEqualTo(issued.plusDays(30));
        assertThat(issuedEvent.ownerId()).isEqualTo(FinanceApi.ORDER_OWNER.id());
        assertThat(issuedEvent.orgPath()).isEqualTo(FinanceApi.ORDER_OWNER.orgPath());
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE message_key = ?", invoiceId)).isEqualTo(1);
    }

    @Test
    void exposureMovesFromApprovedOrdersToReceivablesAndDropsWhenPaid() throws Exception {
        String customerId = newId();
        String orderId = newId();
        api.openAccount(customerId, "5000", "CNY");

        EventProbe.publish(orderApproved(newId(), customerId, "999", "USD"), 1);
        String approvedEvent = EventProbe.publish(orderApproved(orderId, customerId, "1000", "CNY"), 1);
        JsonNode account = api.awaitAccount(customerId,
                a -> amount(a.get("exposure").get("approvedNotInvoiced")).compareTo(new BigDecimal("1000")) == 0);
        assertThat(amount(account.get("exposure").get("openReceivables"))).isZero();
        assertThat(amount(account.get("available"))).isEqualByComparingTo("4000");

        EventProbe.publish(shipmentDispatched(newId(), orderId, customerId, "CNY", line("p-1", 4, "100")), 1);
        account = api.awaitAccount(customerId,
                a -> amount(a.get("exposure").get("openReceivables")).compareTo(new BigDecimal("400")) == 0);
        assertThat(amount(account.get("exposure").get("approvedNotInvoiced"))).isEqualByComparingTo("600");
        assertThat(amount(account.get("exposure").get("total"))).isEqualByComparingTo("1000");
        assertThat(amount(account.get("exposure"))).isEqualByComparingTo("1000");

        String invoiceId = api.awaitInvoiceOf(orderId).get("id").asString();
        mvc.perform(post("/api/v1/payments").with(Callers.FINANCE.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + customerId + "\",\"invoiceId\":\"" + invoiceId
                                + "\",\"amount\":" + FinanceApi.money("400", "CNY") + "}"))
                .andExpect(status().isCreated());
        account = api.account(customerId);
        assertThat(amount(account.get("exposure").get("openReceivables"))).isZero();
        assertThat(amount(account.get("exposure").get("approvedNotInvoiced"))).isEqualByComparingTo("600");
        assertThat(amount(account.get("available"))).isEqualByComparingTo("4400");

        String redelivered = newId();
        EventProbe.publish(orderApproved(orderId, customerId, "1000", "CNY"), approvedEvent, 1);
        EventProbe.publish(orderApproved(orderId, customerId, "1000", "CNY"), redelivered, 1);
        awaitInboxHas(redelivered);
        assertThat(count("SELECT COUNT(*) FROM approved_orders WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(amount(api.account(customerId).get("exposure").get("total"))).isEqualByComparingTo("600");
    }

    @Test
    void invoicesAShipmentThatArrivesBeforeItsOrderApproval() throws Exception {
        String customerId = newId();
        String orderId = newId();
        api.openAccount(customerId, "5000", "CNY");

        EventProbe.publish(shipmentDispatched(newId(), orderId, customerId, "CNY", line("p-1", 3, "100")), 1);
        JsonNode invoice = api.awaitInvoiceOf(orderId);
        assertThat(amount(invoice.get("total"))).isEqualByComparingTo("300");
        JsonNode account = api.account(customerId);
        assertThat(amount(account.get("exposure").get("openReceivables"))).isEqualByComparingTo("300");
        assertThat(amount(account.get("exposure").get("approvedNotInvoiced"))).isZero();

        EventProbe.publish(orderApproved(orderId, customerId, "1000", "CNY"), 1);
        account = api.awaitAccount(customerId,
                a -> amount(a.get("exposure").get("approvedNotInvoiced")).compareTo(new BigDecimal("700")) == 0);
        assertThat(amount(account.get("exposure").get("total"))).isEqualByComparingTo("1000");
        assertThat(api.invoicesOf(orderId).get("content").size()).isEqualTo(1);
    }

    @Test
    void listsInvoicesByCustomerAndStatusInPagesAndRefusesBadParameters() throws Exception {
        String customerId = newId();
        api.invoicedOrder(customerId, "10", "CNY");
        api.invoicedOrder(customerId, "30", "CNY");
        Awaitility.await().atMost(FinanceApi.PATIENCE).until(() ->
                count("SELECT COUNT(*) FROM invoices WHERE customer_id = ?", customerId) == 2);

        mvc.perform(get("/api/v1/invoices").param("customerId", customerId).param("status", "OPEN")
                        .param("size", "1").param("sort", "total,desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].total.amount").value(30.0))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/api/v1/invoices").param("customerId", customerId).param("status", "PAID"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/invoices").param("status", "LOST"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/invoices").param("size", "201"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get("/api/v1/invoices").param("sort", "customerId"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SORT"));
        mvc.perform(get("/api/v1/invoices").param("orderId", "x".repeat(65)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(get("/api/v1/invoices/" + newId()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void parksAShipmentWithoutLinesInTheDeadLettersAndIssuesNothing() {
        String orderId = newId();
        String eventId = EventProbe.publish(new ShipmentDispatched(newId(), orderId, newId(), "wh-1", List.of(),
                "CNY", Instant.now(), "u-rep-east1-a", "/hq/east/team-1"), 1);
        Awaitility.await().atMost(FinanceApi.PATIENCE).until(() ->
                count("SELECT COUNT(*) FROM dead_letters WHERE event_id = ?", eventId) == 1);
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE order_id = ?", orderId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", eventId)).isZero();
    }

    private String ownerOf(String table, String column, String id) {
        return jdbc.queryForObject("SELECT CONCAT(owner_id, ' ', org_path) FROM " + table + " WHERE " + column
                + " = ?", String.class, id);
    }

    @Test
    void invoicesInheritTheOrdersOwnershipAndAreShownOnlyToCallersWhoMaySeeThem() throws Exception {
        String customerId = newId();
        // approval first: the invoice takes the recorded order's owner (even if a shipment said otherwise)
        String approvedFirst = newId();
        EventProbe.publish(orderApproved(approvedFirst, customerId, "100", "CNY", Callers.REP_EAST_1), 1);
        Awaitility.await().atMost(FinanceApi.PATIENCE).until(() ->
                count("SELECT COUNT(*) FROM approved_orders WHERE order_id = ?", approvedFirst) == 1);
        assertThat(ownerOf("approved_orders", "order_id", approvedFirst)).isEqualTo("u-rep-east1-a /hq/east/team-1");
        EventProbe.publish(shipmentDispatched(newId(), approvedFirst, customerId, "CNY", Callers.REP_EAST_2,
                line("p-1", 1, "100")), 1);
        String eastInvoice = api.awaitInvoiceOf(approvedFirst).get("id").asString();
        assertThat(ownerOf("invoices", "id", eastInvoice)).isEqualTo("u-rep-east1-a /hq/east/team-1");
        // shipment first: the invoice takes the ownership the shipment carries from the same order
        String shippedFirst = newId();
        EventProbe.publish(shipmentDispatched(newId(), shippedFirst, customerId, "CNY", Callers.REP_WEST_1,
                line("p-1", 1, "50")), 1);
        String westInvoice = api.awaitInvoiceOf(shippedFirst).get("id").asString();
        assertThat(ownerOf("invoices", "id", westInvoice)).isEqualTo("u-rep-west1-a /hq/west/team-1");

        mvc.perform(get("/api/v1/invoices").param("customerId", customerId).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(eastInvoice));
        mvc.perform(get("/api/v1/invoices").param("customerId", customerId).with(Callers.MANAGER_WEST.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(westInvoice));
        mvc.perform(get("/api/v1/invoices").param("customerId", customerId).with(Callers.REP_EAST_2.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/invoices").param("customerId", customerId).with(Callers.AUDITOR.asCaller()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/invoices/" + westInvoice).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/invoices/" + eastInvoice).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isOk());
    }

    @Test
    void parksAnOrderApprovalOrShipmentWithoutOwnershipInTheDeadLetters() {
        String orderId = newId();
        String approval = EventProbe.publish(new OrderApproved(orderId, "SO-1", newId(), "u-rep-east1-a",
                List.of(new OrderLine(1, "p-1", 1, BigDecimal.TEN)), new Money(BigDecimal.TEN, "CNY"), Instant.now(),
                null), 1);
        String shipment = EventProbe.publish(new ShipmentDispatched(newId(), orderId, newId(), "wh-1",
                List.of(line("p-1", 1, "10")), "CNY", Instant.now(), null, "/hq/east/team-1"), 1);
        Awaitility.await().atMost(FinanceApi.PATIENCE).until(() ->
                count("SELECT COUNT(*) FROM dead_letters WHERE event_id IN (?, ?)", approval, shipment) == 2);
        assertThat(count("SELECT COUNT(*) FROM approved_orders WHERE order_id = ?", orderId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoices WHERE order_id = ?", orderId)).isZero();
    }
}
