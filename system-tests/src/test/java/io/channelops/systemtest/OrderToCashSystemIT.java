package io.channelops.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.localstack.LocalStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The order-to-cash skeleton through the gateway, against the whole stack (MariaDB, a KRaft
 * broker, every service as its own process) booted by the same launcher as
 * {@code ./channelops up}, including a dependency killed during a submit and a consumer killed
 * mid-flow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderToCashSystemIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(90);

    private static LocalStack stack;
    private static Api api;

    @BeforeAll
    static void startStack() throws IOException {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        stack = LocalStack.builder()
                .repoRoot(repoRoot)
                .dataDir(Path.of("target", "system-stack").toAbsolutePath())
                .reset(true)
                .dbPort(freePort())
                .kafkaPort(freePort())
                .kafkaControllerPort(freePort())
                .portOffset(1000)
                .build();
        stack.start();
        api = new Api(stack.url("gateway"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void walksOrderToCashThroughTheGateway() {
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        Fixture f = fixture(new BigDecimal("100000.00"), 50);

        String orderId = createOrder(f, rep, 10);
        Api.Response submitted = api.post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("APPROVED");

        String invoiceId = shipAndInvoice(orderId);
        Api.Response invoice = api.get("/api/v1/invoices/" + invoiceId);
        assertThat(invoice.body().path("total").path("amount").decimalValue()).isEqualByComparingTo("1280.50");

        Api.Response payment = api.create("/api/v1/payments", """
                {"customerId":"%s","invoiceId":"%s","amount":{"amount":1280.50,"currency":"CNY"},"reference":"BANK-1"}"""
                .formatted(f.customerId, invoiceId));
        assertThat(payment.status()).isEqualTo(201);

        JsonNode totals = awaitRepTotals(rep, "1280.50", "1280.50", 1);
        assertThat(totals.path("currency").asString()).isEqualTo("CNY");
        Api.Response customerKpi = api.get("/api/v1/kpi/customers/" + f.customerId);
        assertThat(customerKpi.body().path("totals").get(0).path("collectedCash").decimalValue())
                .isEqualByComparingTo("1280.50");
        awaitOrderStatus(orderId, "SHIPPED");
    }

    @Test
    @Order(2)
    void answersBadInputThroughTheGatewayWithProblemsAndWritesNothing() {
        Api.Response unknownField = api.post("/api/v1/customers",
                "{\"name\":\"X\",\"type\":\"DEALER\",\"regionCode\":\"E\",\"ownerId\":\"me\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownField.text("code")).isEqualTo("UNKNOWN_FIELD");
        assertThat(unknownField.header("X-Request-Id")).isNotBlank();

        Api.Response badOrder = api.post("/api/v1/orders",
                "{\"customerId\":\"c\",\"salesRepId\":\"r\",\"currency\":\"CNY\",\"lines\":[{\"productId\":\"p\",\"quantity\":0}]}");
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(badOrder.text("code")).isEqualTo("VALIDATION_FAILED");

        Api.Response malformed = api.post("/api/v1/payments", "{\"amount\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("code")).isEqualTo("MALFORMED_JSON");

        assertThat(api.get("/api/v1/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/nothing-here").status()).isEqualTo(404);
        Api.Response tooBig = api.get("/api/v1/customers?size=1000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.text("code")).isEqualTo("INVALID_PAGE");
    }

    @Test
    @Order(3)
    void approvesAnOrderSubmittedWhileFinanceIsDownOnceFinanceIsBack() {
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        Fixture f = fixture(new BigDecimal("100000.00"), 20);
        String orderId = createOrder(f, rep, 2);

        stack.kill("finance-service");
        Api.Response submitted = api.post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("CREDIT_CHECK_PENDING");
        assertThat(api.get("/api/v1/orders/" + orderId).text("status")).isEqualTo("CREDIT_CHECK_PENDING");

        stack.start("finance-service");
        awaitOrderStatus(orderId, "APPROVED");
        // and the approved order flows on: stock reserved, a shipment ready to dispatch
        awaitReadyShipment(orderId);
    }

    @Test
    @Order(4)
    void losesNoEventAndAppliesNoneTwiceWhenConsumersAreKilledMidFlow() {
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        Fixture f = fixture(new BigDecimal("100000.00"), 100);

        stack.kill("kpi-service");
        String first = createOrder(f, rep, 10);
        assertThat(api.post("/api/v1/orders/" + first + "/submit", "").text("status")).isEqualTo("APPROVED");
        String firstInvoice = shipAndInvoice(first);
        pay(f.customerId, firstInvoice, "1280.50");

        String second = createOrder(f, rep, 5);
        assertThat(api.post("/api/v1/orders/" + second + "/submit", "").text("status")).isEqualTo("APPROVED");
        String shipment = awaitReadyShipment(second);
        stack.kill("finance-service");
        assertThat(api.post("/api/v1/shipments/" + shipment + "/dispatch", "").status()).isEqualTo(200);
        stack.start("finance-service");
        String secondInvoice = awaitInvoice(second);
        pay(f.customerId, secondInvoice, "640.25");

        stack.start("kpi-service");
        awaitRepTotals(rep, "1920.75", "1920.75", 2);
        // one invoice per shipment, whatever was redelivered
        assertThat(api.get("/api/v1/invoices?orderId=" + second).body().path("page").path("totalElements").asLong())
                .isEqualTo(1);
        // still exactly once after consumers had time to see any redelivery
        sleep(Duration.ofSeconds(3));
        awaitRepTotals(rep, "1920.75", "1920.75", 2);
    }

    @Test
    @Order(5)
    void keepsEveryCommittedEventWhileTheBrokerIsDownAndDeliversItWhenItIsBack() {
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        Fixture f = fixture(new BigDecimal("100000.00"), 10);
        String orderId = createOrder(f, rep, 3);

        stack.stopKafka();
        Api.Response submitted = api.post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("APPROVED");
        // OrderApproved is committed in order-service's outbox, waiting for the broker
        Api orderService = new Api(stack.url("order-service"));
        Api.await("OrderApproved waiting in the outbox", EVENTUAL,
                () -> outboxPending(orderService), pending -> pending >= 1);

        stack.startKafka();
        awaitReadyShipment(orderId);
        awaitRepTotals(rep, "384.15", "0", 1);
        Api.await("the outbox to drain", EVENTUAL, () -> outboxPending(orderService), pending -> pending == 0);
    }

    private static double outboxPending(Api service) {
        String metrics = service.text("/actuator/prometheus");
        return metrics.lines().filter(line -> line.startsWith("channelops_outbox_pending"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private record Fixture(String customerId, String productId, String warehouseId) {
    }

    /** A customer with a credit limit, a product at 128.05 CNY, and {@code stock} of it in a new warehouse. */
    private static Fixture fixture(BigDecimal creditLimit, int stock) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response customer = api.create("/api/v1/customers", """
                {"name":"Acme %s","type":"DISTRIBUTOR","regionCode":"EAST"}""".formatted(suffix));
        assertThat(customer.status()).as(customer.body().toString()).isEqualTo(201);
        String customerId = customer.text("id");

        Api.Response product = api.create("/api/v1/products", """
                {"sku":"SKU-%s","name":"Widget %s","listPrice":{"amount":128.05,"currency":"CNY"}}"""
                .formatted(suffix, suffix));
        assertThat(product.status()).as(product.body().toString()).isEqualTo(201);
        String productId = product.text("id");

        Api.Response warehouse = api.create("/api/v1/warehouses", """
                {"code":"WH-%s","name":"Shanghai %s","regionCode":"EAST"}""".formatted(suffix, suffix));
        assertThat(warehouse.status()).as(warehouse.body().toString()).isEqualTo(201);
        String warehouseId = warehouse.text("id");
        Api.Response receipt = api.create("/api/v1/warehouses/" + warehouseId + "/receipts", """
                {"productId":"%s","quantity":%d}""".formatted(productId, stock));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);

        Api.Response credit = api.create("/api/v1/credit-accounts", """
                {"customerId":"%s","creditLimit":{"amount":%s,"currency":"CNY"}}""".formatted(customerId,
                creditLimit.toPlainString()));
        assertThat(credit.status()).as(credit.body().toString()).isEqualTo(201);
        return new Fixture(customerId, productId, warehouseId);
    }

    private static String createOrder(Fixture f, String rep, int quantity) {
        Api.Response order = api.create("/api/v1/orders", """
                {"customerId":"%s","salesRepId":"%s","currency":"CNY","lines":[{"productId":"%s","quantity":%d}]}"""
                .formatted(f.customerId, rep, f.productId, quantity));
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
        assertThat(order.text("status")).isEqualTo("DRAFT");
        return order.text("id");
    }

    private static String shipAndInvoice(String orderId) {
        String shipmentId = awaitReadyShipment(orderId);
        Api.Response dispatched = api.post("/api/v1/shipments/" + shipmentId + "/dispatch", "");
        assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
        assertThat(dispatched.text("status")).isEqualTo("DISPATCHED");
        return awaitInvoice(orderId);
    }

    private static String awaitReadyShipment(String orderId) {
        JsonNode page = Api.await("a READY shipment of order " + orderId, EVENTUAL,
                () -> api.get("/api/v1/shipments?orderId=" + orderId).body(),
                body -> body.path("content").size() > 0
                        && "READY".equals(body.path("content").get(0).path("status").asString()));
        return page.path("content").get(0).path("id").asString();
    }

    private static String awaitInvoice(String orderId) {
        JsonNode page = Api.await("an invoice for order " + orderId, EVENTUAL,
                () -> api.get("/api/v1/invoices?orderId=" + orderId).body(),
                body -> body.path("content").size() > 0);
        return page.path("content").get(0).path("id").asString();
    }

    private static void pay(String customerId, String invoiceId, String amount) {
        Api.Response payment = api.create("/api/v1/payments", """
                {"customerId":"%s","invoiceId":"%s","amount":{"amount":%s,"currency":"CNY"}}"""
                .formatted(customerId, invoiceId, amount));
        assertThat(payment.status()).as(payment.body().toString()).isEqualTo(201);
    }

    private static void awaitOrderStatus(String orderId, String status) {
        Api.await("order " + orderId + " to be " + status, EVENTUAL,
                () -> api.get("/api/v1/orders/" + orderId).text("status"), status::equals);
    }

    private static JsonNode awaitRepTotals(String rep, String approvedValue, String collected, int orders) {
        JsonNode body = Api.await("KPI of " + rep, EVENTUAL, () -> api.get("/api/v1/kpi/reps/" + rep).body(),
                b -> {
                    JsonNode t = b.path("totals");
                    return t.size() == 1
                            && t.get(0).path("approvedOrderValue").decimalValue().compareTo(new BigDecimal(approvedValue)) == 0
                            && t.get(0).path("collectedCash").decimalValue().compareTo(new BigDecimal(collected)) == 0
                            && t.get(0).path("approvedOrders").asInt() == orders;
                });
        return body.path("totals").get(0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
