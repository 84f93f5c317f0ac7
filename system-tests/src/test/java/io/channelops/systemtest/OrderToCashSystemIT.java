package io.channelops.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.localstack.LocalStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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
 * mid-flow. Every call carries a real token from identity-service, and each step is done by the
 * role whose job it is: a rep (created for each test by the admin, in team east-1) registers the
 * customer and places the order, the director lists the product, logistics stocks the warehouse
 * and dispatches, finance opens the credit account and posts the payment, the east manager
 * releases a credit hold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderToCashSystemIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(90);
    private static final String REP_PASSWORD = "system-test-password";

    private static LocalStack stack;
    private static Sessions sessions;
    private static Api gateway;
    private static Api admin;
    private static Api director;
    private static Api finance;
    private static Api logistics;
    private static Api managerEast;
    private static Api managerWest;
    private static Supplier<String> metricsScraper;
    private static String teamEast1;

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
        sessions = new Sessions(stack.issuerUrl());
        gateway = new Api(stack.url("gateway"));
        admin = gateway.as(sessions.user("admin", Sessions.DEMO_PASSWORD));
        director = gateway.as(sessions.user("director", Sessions.DEMO_PASSWORD));
        finance = gateway.as(sessions.user("finance", Sessions.DEMO_PASSWORD));
        logistics = gateway.as(sessions.user("logistics", Sessions.DEMO_PASSWORD));
        managerEast = gateway.as(sessions.user("manager.east", Sessions.DEMO_PASSWORD));
        managerWest = gateway.as(sessions.user("manager.west", Sessions.DEMO_PASSWORD));
        metricsScraper = sessions.client("metrics-scraper", "local-demo-metrics-scraper-secret", "metrics:read");
        JsonNode units = admin.get("/api/v1/admin/org-units?size=200").body().path("content");
        for (JsonNode unit : units) {
            if ("/hq/east/team-1".equals(unit.path("path").asString())) {
                teamEast1 = unit.path("id").asString();
            }
        }
        assertThat(teamEast1).as("org unit /hq/east/team-1 in " + units).isNotNull();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A rep the admin creates for one test, so its KPI totals are its own. */
    private record Rep(String id, Api api) {
    }

    private static Rep newRep() {
        String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = admin.create("/api/v1/admin/users", """
                {"username":"%s","displayName":"Rep %s","password":"%s","roles":["REP"],"orgUnitId":"%s"}"""
                .formatted(username, username, REP_PASSWORD, teamEast1));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return new Rep(created.text("id"), gateway.as(sessions.user(username, REP_PASSWORD)));
    }

    @Test
    @Order(1)
    void walksOrderToCashThroughTheGatewayEachRoleDoingItsOwnStep() {
        Rep rep = newRep();
        Fixture f = fixture(rep, new BigDecimal("100000.00"), 50);

        String orderId = createOrder(rep, f, 10);
        Api.Response submitted = rep.api().post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("APPROVED");

        String invoiceId = shipAndInvoice(orderId);
        Api.Response invoice = finance.get("/api/v1/invoices/" + invoiceId);
        assertThat(invoice.body().path("total").path("amount").decimalValue()).isEqualByComparingTo("1280.50");
        // the rep sees the invoice of their own order; a manager of another region does not
        assertThat(rep.api().get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(200);
        assertThat(managerWest.get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(404);

        Api.Response payment = finance.create("/api/v1/payments", """
                {"customerId":"%s","invoiceId":"%s","amount":{"amount":1280.50,"currency":"CNY"},"reference":"BANK-1"}"""
                .formatted(f.customerId, invoiceId));
        assertThat(payment.status()).as(payment.body().toString()).isEqualTo(201);

        JsonNode totals = awaitRepTotals(rep, "1280.50", "1280.50", 1);
        assertThat(totals.path("currency").asString()).isEqualTo("CNY");
        Api.Response customerKpi = rep.api().get("/api/v1/kpi/customers/" + f.customerId);
        assertThat(customerKpi.body().path("totals").get(0).path("collectedCash").decimalValue())
                .isEqualByComparingTo("1280.50");
        awaitOrderStatus(rep, orderId, "SHIPPED");

        // the region's manager sees the rep's order and scorecard; the other region's manager sees neither
        assertThat(managerEast.get("/api/v1/orders/" + orderId).status()).isEqualTo(200);
        assertThat(managerEast.get("/api/v1/kpi/reps/" + rep.id()).status()).isEqualTo(200);
        assertThat(managerWest.get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
        assertThat(managerWest.get("/api/v1/kpi/reps/" + rep.id()).status()).isEqualTo(404);
        assertThat(managerWest.get("/api/v1/customers/" + f.customerId).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void theRegionManagerReleasesACreditHoldThatTheRepCannot() {
        Rep rep = newRep();
        Fixture f = fixture(rep, new BigDecimal("500.00"), 20);
        String orderId = createOrder(rep, f, 10);

        Api.Response submitted = rep.api().post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.text("status")).as(submitted.body().toString()).isEqualTo("CREDIT_HOLD");

        Api.Response byRep = rep.api().post("/api/v1/orders/" + orderId + "/release", "");
        assertThat(byRep.status()).isEqualTo(403);
        assertThat(byRep.text("code")).isEqualTo("ACCESS_DENIED");
        assertThat(managerWest.post("/api/v1/orders/" + orderId + "/release", "").status()).isEqualTo(404);

        Api.Response released = managerEast.post("/api/v1/orders/" + orderId + "/release", "");
        assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
        assertThat(released.text("status")).isEqualTo("APPROVED");
        awaitReadyShipment(orderId);
    }

    @Test
    @Order(3)
    void rejectsMissingAndForgedTokensAtTheGatewayAndAtEveryService() throws Exception {
        Rep rep = newRep();
        String real = sessions.user("director", Sessions.DEMO_PASSWORD).get();
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"DIRECTOR\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> forged = Map.of(
                "no token", "",
                "payload edited after signing", parts[0] + "." + forgedPayload + "." + parts[2],
                "alg none", none + "." + parts[1] + ".",
                "signature stripped", parts[0] + "." + parts[1] + ".",
                "not a JWT", "not-a-token");
        for (var entry : forged.entrySet()) {
            Api.Response response = gateway.as(entry::getValue).get("/api/v1/customers");
            assertThat(response.status()).as(entry.getKey()).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(entry.getKey()).startsWith("application/problem+json");
            assertThat(response.text("code")).as(entry.getKey()).isEqualTo("UNAUTHENTICATED");
        }
        Map<String, String> paths = Map.of(
                "identity-service", "/api/v1/admin/users",
                "customer-service", "/api/v1/customers",
                "sales-service", "/api/v1/products",
                "order-service", "/api/v1/orders",
                "logistics-service", "/api/v1/shipments",
                "finance-service", "/api/v1/invoices",
                "kpi-service", "/api/v1/kpi/reps?currency=CNY");
        for (var entry : paths.entrySet()) {
            Api direct = new Api(stack.url(entry.getKey()));
            for (var token : forged.entrySet()) {
                Api.Response response = direct.as(token::getValue).get(entry.getValue());
                assertThat(response.status()).as(entry.getKey() + " with " + token.getKey()).isEqualTo(401);
            }
            assertThat(direct.as(() -> real).get(entry.getValue()).status()).as(entry.getKey()).isIn(200, 403);
            assertThat(direct.get("/actuator/health/readiness").status()).as(entry.getKey()).isEqualTo(200);
        }
        // an integration client gets what its scopes allow, and 403 for the rest
        Api erp = gateway.as(sessions.client("erp-connector", "local-demo-erp-connector-secret",
                "customers:read orders:read"));
        assertThat(erp.get("/api/v1/customers").status()).isEqualTo(200);
        Api.Response invoices = erp.get("/api/v1/invoices");
        assertThat(invoices.status()).isEqualTo(403);
        assertThat(invoices.text("code")).isEqualTo("ACCESS_DENIED");
        // a rep cannot administer users
        assertThat(rep.api().get("/api/v1/admin/users").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void answersBadInputThroughTheGatewayWithProblemsAndWritesNothing() {
        Rep rep = newRep();
        Api.Response unknownField = rep.api().post("/api/v1/customers",
                "{\"name\":\"X\",\"type\":\"DEALER\",\"regionCode\":\"E\",\"ownerId\":\"me\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownField.text("code")).isEqualTo("UNKNOWN_FIELD");
        assertThat(unknownField.header("X-Request-Id")).isNotBlank();

        Api.Response badOrder = rep.api().post("/api/v1/orders",
                "{\"customerId\":\"c\",\"currency\":\"CNY\",\"lines\":[{\"productId\":\"p\",\"quantity\":0}]}");
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(badOrder.text("code")).isEqualTo("VALIDATION_FAILED");

        Api.Response malformed = finance.post("/api/v1/payments", "{\"amount\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("code")).isEqualTo("MALFORMED_JSON");

        assertThat(rep.api().get("/api/v1/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(rep.api().get("/api/v1/nothing-here").status()).isEqualTo(404);
        Api.Response tooBig = rep.api().get("/api/v1/customers?size=1000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.text("code")).isEqualTo("INVALID_PAGE");
    }

    @Test
    @Order(5)
    void approvesAnOrderSubmittedWhileFinanceIsDownOnceFinanceIsBack() {
        Rep rep = newRep();
        Fixture f = fixture(rep, new BigDecimal("100000.00"), 20);
        String orderId = createOrder(rep, f, 2);

        stack.kill("finance-service");
        Api.Response submitted = rep.api().post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("CREDIT_CHECK_PENDING");
        assertThat(rep.api().get("/api/v1/orders/" + orderId).text("status")).isEqualTo("CREDIT_CHECK_PENDING");

        // the background re-check calls finance-service with order-service's own client-credentials token
        stack.start("finance-service");
        awaitOrderStatus(rep, orderId, "APPROVED");
        // and the approved order flows on: stock reserved, a shipment ready to dispatch
        awaitReadyShipment(orderId);
    }

    @Test
    @Order(6)
    void losesNoEventAndAppliesNoneTwiceWhenConsumersAreKilledMidFlow() {
        Rep rep = newRep();
        Fixture f = fixture(rep, new BigDecimal("100000.00"), 100);

        stack.kill("kpi-service");
        String first = createOrder(rep, f, 10);
        assertThat(rep.api().post("/api/v1/orders/" + first + "/submit", "").text("status")).isEqualTo("APPROVED");
        String firstInvoice = shipAndInvoice(first);
        pay(f.customerId, firstInvoice, "1280.50");

        String second = createOrder(rep, f, 5);
        assertThat(rep.api().post("/api/v1/orders/" + second + "/submit", "").text("status")).isEqualTo("APPROVED");
        String shipment = awaitReadyShipment(second);
        stack.kill("finance-service");
        assertThat(logistics.post("/api/v1/shipments/" + shipment + "/dispatch", "").status()).isEqualTo(200);
        stack.start("finance-service");
        String secondInvoice = awaitInvoice(second);
        pay(f.customerId, secondInvoice, "640.25");

        stack.start("kpi-service");
        awaitRepTotals(rep, "1920.75", "1920.75", 2);
        // one invoice per shipment, whatever was redelivered
        assertThat(finance.get("/api/v1/invoices?orderId=" + second).body().path("page").path("totalElements")
                .asLong()).isEqualTo(1);
        // still exactly once after consumers had time to see any redelivery
        sleep(Duration.ofSeconds(3));
        awaitRepTotals(rep, "1920.75", "1920.75", 2);
    }

    @Test
    @Order(7)
    void keepsEveryCommittedEventWhileTheBrokerIsDownAndDeliversItWhenItIsBack() {
        Rep rep = newRep();
        Fixture f = fixture(rep, new BigDecimal("100000.00"), 10);
        String orderId = createOrder(rep, f, 3);

        stack.stopKafka();
        Api.Response submitted = rep.api().post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("APPROVED");
        // OrderApproved is committed in order-service's outbox, waiting for the broker
        Api orderService = new Api(stack.url("order-service"), metricsScraper);
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

    /**
     * The rep's customer with a credit limit (finance), a product at 128.05 CNY (director), and {@code stock} of it
     * in a new warehouse (logistics).
     */
    private static Fixture fixture(Rep rep, BigDecimal creditLimit, int stock) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response customer = rep.api().create("/api/v1/customers", """
                {"name":"Acme %s","type":"DISTRIBUTOR","regionCode":"EAST"}""".formatted(suffix));
        assertThat(customer.status()).as(customer.body().toString()).isEqualTo(201);
        String customerId = customer.text("id");

        Api.Response product = director.create("/api/v1/products", """
                {"sku":"SKU-%s","name":"Widget %s","listPrice":{"amount":128.05,"currency":"CNY"}}"""
                .formatted(suffix, suffix));
        assertThat(product.status()).as(product.body().toString()).isEqualTo(201);
        String productId = product.text("id");

        Api.Response warehouse = logistics.create("/api/v1/warehouses", """
                {"code":"WH-%s","name":"Shanghai %s","regionCode":"EAST"}""".formatted(suffix, suffix));
        assertThat(warehouse.status()).as(warehouse.body().toString()).isEqualTo(201);
        String warehouseId = warehouse.text("id");
        Api.Response receipt = logistics.create("/api/v1/warehouses/" + warehouseId + "/receipts", """
                {"productId":"%s","quantity":%d}""".formatted(productId, stock));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);

        Api.Response credit = finance.create("/api/v1/credit-accounts", """
                {"customerId":"%s","creditLimit":{"amount":%s,"currency":"CNY"}}""".formatted(customerId,
                creditLimit.toPlainString()));
        assertThat(credit.status()).as(credit.body().toString()).isEqualTo(201);
        return new Fixture(customerId, productId, warehouseId);
    }

    private static String createOrder(Rep rep, Fixture f, int quantity) {
        Api.Response order = rep.api().create("/api/v1/orders", """
                {"customerId":"%s","currency":"CNY","lines":[{"productId":"%s","quantity":%d}]}"""
                .formatted(f.customerId, f.productId, quantity));
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
        assertThat(order.text("status")).isEqualTo("DRAFT");
        return order.text("id");
    }

    private static String shipAndInvoice(String orderId) {
        String shipmentId = awaitReadyShipment(orderId);
        Api.Response dispatched = logistics.post("/api/v1/shipments/" + shipmentId + "/dispatch", "");
        assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
        assertThat(dispatched.text("status")).isEqualTo("DISPATCHED");
        return awaitInvoice(orderId);
    }

    private static String awaitReadyShipment(String orderId) {
        JsonNode page = Api.await("a READY shipment of order " + orderId, EVENTUAL,
                () -> logistics.get("/api/v1/shipments?orderId=" + orderId).body(),
                body -> body.path("content").size() > 0
                        && "READY".equals(body.path("content").get(0).path("status").asString()));
        return page.path("content").get(0).path("id").asString();
    }

    private static String awaitInvoice(String orderId) {
        JsonNode page = Api.await("an invoice for order " + orderId, EVENTUAL,
                () -> finance.get("/api/v1/invoices?orderId=" + orderId).body(),
                body -> body.path("content").size() > 0);
        return page.path("content").get(0).path("id").asString();
    }

    private static void pay(String customerId, String invoiceId, String amount) {
        Api.Response payment = finance.create("/api/v1/payments", """
                {"customerId":"%s","invoiceId":"%s","amount":{"amount":%s,"currency":"CNY"}}"""
                .formatted(customerId, invoiceId, amount));
        assertThat(payment.status()).as(payment.body().toString()).isEqualTo(201);
    }

    private static void awaitOrderStatus(Rep rep, String orderId, String status) {
        Api.await("order " + orderId + " to be " + status, EVENTUAL,
                () -> rep.api().get("/api/v1/orders/" + orderId).text("status"), status::equals);
    }

    /** The rep's own scorecard, as the rep sees it. */
    private static JsonNode awaitRepTotals(Rep rep, String approvedValue, String collected, int orders) {
        JsonNode body = Api.await("KPI of " + rep.id(), EVENTUAL,
                () -> rep.api().get("/api/v1/kpi/reps/" + rep.id()).body(),
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
