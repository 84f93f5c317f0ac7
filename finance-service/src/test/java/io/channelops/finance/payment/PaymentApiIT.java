package io.channelops.finance.payment;

import static io.channelops.finance.FinanceApi.amount;
import static io.channelops.finance.FinanceApi.money;
import static io.channelops.finance.FinanceApi.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.finance.InvoiceSettled;
import io.channelops.events.finance.PaymentPosted;
import io.channelops.finance.FinanceApi;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments posted against invoices issued from dispatched shipments. Payments are posted by
 * {@link Callers#FINANCE} (finance:write) and read as the default caller.
 */
@ServiceIntegrationTest
class PaymentApiIT {

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

    private static MockHttpServletRequestBuilder pay(String customerId, String invoiceId, String amount,
            String currency) {
        return post("/api/v1/payments").with(Callers.FINANCE.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\":\"" + customerId + "\",\"invoiceId\":\"" + invoiceId + "\",\"amount\":"
                        + money(amount, currency) + ",\"reference\":\"BANK-42\"}");
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    @Test
    void postsPaymentsSettlesTheInvoiceAndPublishesPaymentPostedAndInvoiceSettled() throws Exception {
        String customerId = newId();
        JsonNode invoice = api.invoicedOrder(customerId, "1000", "CNY");
        String invoiceId = invoice.get("id").asString();
        String orderId = invoice.get("orderId").asString();

        String key = newId();
        MvcResult first = mvc.perform(pay(customerId, invoiceId, "400", "CNY").header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.reference").value("BANK-42"))
                .andReturn();
        JsonNode partial = api.read(first.getResponse().getContentAsString());
        String partialId = partial.get("id").asString();
        assertThat(first.getResponse().getHeader("Location")).isEqualTo("/api/v1/payments/" + partialId);
        mvc.perform(pay(customerId, invoiceId, "400", "CNY").header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(partialId));
        JsonNode open = api.read(mvc.perform(get("/api/v1/invoices/" + invoiceId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(amount(open.get("paidAmount"))).isEqualByComparingTo("400");
        assertThat(amount(open.get("openBalance"))).isEqualByComparingTo("600");

        JsonNode rest = api.read(mvc.perform(pay(customerId, invoiceId, "600.00", "CNY"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String restId = rest.get("id").asString();
        mvc.perform(get("/api/v1/payments/" + restId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.invoiceId").value(invoiceId))
                .andExpect(jsonPath("$.customerId").value(customerId))
                .andExpect(jsonPath("$.amount.currency").value("CNY"));
        mvc.perform(get("/api/v1/invoices/" + invoiceId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.settledAt").isNotEmpty())
                .andExpect(jsonPath("$.openBalance.amount").value(0.0));
        mvc.perform(pay(customerId, invoiceId, "1", "CNY"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INVOICE_ALREADY_PAID"));
        assertThat(count("SELECT COUNT(*) FROM payments WHERE invoice_id = ?", invoiceId)).isEqualTo(2);

        ConsumerRecord<String, String> posted = EventProbe.await(Topics.PAYMENTS, r -> restId.equals(r.key()),
                FinanceApi.PATIENCE);
        assertThat(EventProbe.header(posted, "ce_type")).isEqualTo("io.channelops.finance.PaymentPosted");
        PaymentPosted payment = EventProbe.payload(posted, PaymentPosted.class);
        assertThat(payment.invoiceId()).isEqualTo(invoiceId);
        assertThat(payment.orderId()).isEqualTo(orderId);
        assertThat(payment.customerId()).isEqualTo(customerId);
        assertThat(payment.amount().amount()).isEqualByComparingTo("600");
        assertThat(payment.amount().currency()).isEqualTo("CNY");
        assertThat(payment.ownerId()).isEqualTo(FinanceApi.ORDER_OWNER.id());
        assertThat(payment.orgPath()).isEqualTo(FinanceApi.ORDER_OWNER.orgPath());
        assertThat(jdbc.queryForMap("SELECT owner_id, org_path FROM payments WHERE id = ?", restId))
                .containsEntry("owner_id", FinanceApi.ORDER_OWNER.id())
                .containsEntry("org_path", FinanceApi.ORDER_OWNER.orgPath());

        ConsumerRecord<String, String> settled = EventProbe.await(Topics.INVOICES, r -> invoiceId.equals(r.key())
                && "io.channelops.finance.InvoiceSettled".equals(EventProbe.header(r, "ce_type")), FinanceApi.PATIENCE);
        assertThat(EventProbe.header(settled, "ce_aggregateversion")).isEqualTo("2");
        InvoiceSettled settledEvent = EventProbe.payload(settled, InvoiceSettled.class);
        assertThat(settledEvent.orderId()).isEqualTo(orderId);
        assertThat(settledEvent.customerId()).isEqualTo(customerId);
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE message_key = ? AND event_type LIKE ?",
                invoiceId, "%InvoiceSettled")).isEqualTo(1);
    }

    @Test
    void refusesOverpaymentOtherCurrenciesOtherCustomersInvoicesAndBadInputWithoutWritingAnything()
            throws Exception {
        String customerId = newId();
        String invoiceId = api.invoicedOrder(customerId, "100", "CNY").get("id").asString();
        String outbox = "SELECT COUNT(*) FROM outbox_events WHERE topic = ? OR message_key = ?";
        long outboxBefore = count(outbox, Topics.PAYMENTS, invoiceId);

        mvc.perform(pay(customerId, invoiceId, "100.01", "CNY"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("OVERPAYMENT"));
        mvc.perform(pay(customerId, invoiceId, "50", "USD"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CURRENCY_MISMATCH"));
        mvc.perform(pay(newId(), invoiceId, "50", "CNY"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(pay(customerId, newId(), "50", "CNY"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(pay(customerId, invoiceId, "0", "CNY"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("amount.amount"));
        mvc.perform(pay(customerId, invoiceId, "-5", "CNY"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(pay(customerId, invoiceId, "1.001", "CNY"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(post("/api/v1/payments").with(Callers.FINANCE.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + customerId + "\",\"invoiceId\":\"" + invoiceId
                                + "\",\"amount\":" + money("1", "CNY") + ",\"status\":\"POSTED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        for (String field : new String[] {"\"ownerId\":\"u-rep-west1-a\"", "\"orgPath\":\"/hq/west\""}) {
            mvc.perform(post("/api/v1/payments").with(Callers.FINANCE.asCaller())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"customerId\":\"" + customerId + "\",\"invoiceId\":\"" + invoiceId
                                    + "\",\"amount\":" + money("1", "CNY") + "," + field + "}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"));
        }
        mvc.perform(post("/api/v1/payments").with(Callers.FINANCE.asCaller()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"" + customerId + "\",\"amount\":" + money("1", "CNY")
                                + ",\"reference\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(get("/api/v1/payments/" + newId()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));

        assertThat(count("SELECT COUNT(*) FROM payments WHERE invoice_id = ?", invoiceId)).isZero();
        JsonNode invoice = api.read(mvc.perform(get("/api/v1/invoices/" + invoiceId)).andReturn().getResponse()
                .getContentAsString());
        assertThat(amount(invoice.get("paidAmount"))).isZero();
        assertThat(invoice.get("version").asLong()).isZero();
        assertThat(count(outbox, Topics.PAYMENTS, invoiceId)).isEqualTo(outboxBefore);
    }

    @Test
    void concurrentPaymentsNeverOverpayAnInvoice() throws Exception {
        String customerId = newId();
        String invoiceId = api.invoicedOrder(customerId, "100", "CNY").get("id").asString();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> mvc.perform(pay(customerId, invoiceId, "60", "CNY")).andReturn().getResponse()
                    .getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
        assertThat(count("SELECT COUNT(*) FROM payments WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
        JsonNode invoice = api.read(mvc.perform(get("/api/v1/invoices/" + invoiceId)).andReturn().getResponse()
                .getContentAsString());
        assertThat(amount(invoice.get("paidAmount"))).isEqualByComparingTo("60");
    }
}
