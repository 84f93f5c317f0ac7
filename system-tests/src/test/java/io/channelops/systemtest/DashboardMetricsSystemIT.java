package io.channelops.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.localstack.LocalStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards in {@code deploy/grafana/dashboards} against what the services really
 * expose: the whole stack (its own, beside the order-to-cash test's) runs one order to cash and
 * one order into a credit hold, then every service's {@code /actuator/prometheus} is scraped with
 * the {@code metrics-scraper} client's token, as Prometheus does. Every metric a dashboard query
 * names must be in some service's exposition, the business counters must have moved exactly once
 * per transition, and the series carry the {@code service} and {@code instance} tags.
 */
class DashboardMetricsSystemIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(90);
    /** The services built on platform-starter: their series carry {@code service} and {@code instance}. */
    private static final List<String> PLATFORM_SERVICES = List.of("identity-service", "customer-service",
            "sales-service", "order-service", "logistics-service", "finance-service", "kpi-service");
    private static final Path DASHBOARDS = Path.of("..", "deploy", "grafana", "dashboards");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalStack stack;
    private static Api director;
    private static Api finance;
    private static Api logistics;
    private static Supplier<String> metricsScraper;

    @BeforeAll
    static void startStack() throws IOException {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        stack = LocalStack.builder()
                .repoRoot(repoRoot)
                .dataDir(Path.of("target", "dashboard-stack").toAbsolutePath())
                .reset(true)
                .dbPort(freePort())
                .kafkaPort(freePort())
                .kafkaControllerPort(freePort())
                .portOffset(2000)
                .build();
        stack.start();
        Sessions sessions = new Sessions(stack.issuerUrl());
        Api gateway = new Api(stack.url("gateway"));
        director = gateway.as(sessions.user("director", Sessions.DEMO_PASSWORD));
        finance = gateway.as(sessions.user("finance", Sessions.DEMO_PASSWORD));
        logistics = gateway.as(sessions.user("logistics", Sessions.DEMO_PASSWORD));
        metricsScraper = sessions.client("metrics-scraper", "local-demo-metrics-scraper-secret", "metrics:read");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyMetricTheDashboardsQueryIsExposedAndTheBusinessCountersMoveOncePerTransition() throws IOException {
        Map<String, String> before = scrapeAll();
        // counted at startup, at zero, before any event: alerts and dashboards see the series from the start
        assertThat(value(before.get("logistics-service"), "channelops_stock_shortages_total", Map.of()))
                .isEqualTo(0.0);
        assertThat(value(before.get("logistics-service"), "channelops_dead_letters_total",
                Map.of("topic", "order.orders"))).isEqualTo(0.0);
        assertThat(value(before.get("order-service"), "channelops_orders_held_total",
                Map.of("reason", "CREDIT_LIMIT_EXCEEDED"))).isEqualTo(0.0);

        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String customerId = created(director.create("/api/v1/customers", """
                {"name":"Metrics %s","type":"DISTRIBUTOR","regionCode":"EAST"}""".formatted(suffix)));
        String uncovered = created(director.create("/api/v1/customers", """
                {"name":"No credit %s","type":"DEALER","regionCode":"EAST"}""".formatted(suffix)));
        String productId = created(director.create("/api/v1/products", """
                {"sku":"SKU-M-%s","name":"Gauge %s","listPrice":{"amount":128.05,"currency":"CNY"}}"""
                .formatted(suffix, suffix)));
        String warehouseId = created(logistics.create("/api/v1/warehouses", """
                {"code":"WH-M-%s","name":"Hangzhou %s","regionCode":"EAST"}""".formatted(suffix, suffix)));
        created(logistics.create("/api/v1/warehouses/" + warehouseId + "/receipts", """
                {"productId":"%s","quantity":20}""".formatted(productId)));
        created(finance.create("/api/v1/credit-accounts", """
                {"customerId":"%s","creditLimit":{"amount":100000.00,"currency":"CNY"}}""".formatted(customerId)));

        // one order to cash: submitted, approved, dispatched, invoiced, paid
        String orderId = order(customerId, productId);
        Api.Response submitted = director.post("/api/v1/orders/" + orderId + "/submit", "");
        assertThat(submitted.text("status")).as(submitted.body().toString()).isEqualTo("APPROVED");
        String shipmentId = Api.await("a READY shipment of order " + orderId, EVENTUAL,
                () -> logistics.get("/api/v1/shipments?orderId=" + orderId).body(),
                body -> body.path("content").size() > 0
                        && "READY".equals(body.path("content").get(0).path("status").asString()))
                .path("content").get(0).path("id").asString();
        Api.Response dispatched = logistics.post("/api/v1/shipments/" + shipmentId + "/dispatch", "");
        assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
        String invoiceId = Api.await("an invoice for order " + orderId, EVENTUAL,
                () -> finance.get("/api/v1/invoices?orderId=" + orderId).body(),
                body -> body.path("content").size() > 0).path("content").get(0).path("id").asString();
        created(finance.create("/api/v1/payments", """
                {"customerId":"%s","invoiceId":"%s","amount":{"amount":640.25,"currency":"CNY"}}"""
                .formatted(customerId, invoiceId)));
        // and one into a credit hold: its customer has no credit account
        String heldId = order(uncovered, productId);
        Api.Response held = director.post("/api/v1/orders/" + heldId + "/submit", "");
        assertThat(held.text("status")).as(held.body().toString()).isEqualTo("CREDIT_HOLD");
        // a repeated submit is refused and counts nothing
        assertThat(director.post("/api/v1/orders/" + orderId + "/submit", "").status()).isEqualTo(409);

        Map<String, String> after = scrapeAll();
        assertThat(delta(before, after, "order-service", "channelops_orders_submitted_total", Map.of()))
                .isEqualTo(2.0);
        assertThat(delta(before, after, "order-service", "channelops_orders_approved_total", Map.of()))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "order-service", "channelops_orders_held_total",
                Map.of("reason", "NO_CREDIT_ACCOUNT"))).isEqualTo(1.0);
        assertThat(delta(before, after, "order-service", "channelops_orders_held_total", Map.of())).isEqualTo(1.0);
        assertThat(delta(before, after, "logistics-service", "channelops_shipments_dispatched_total", Map.of()))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "logistics-service", "channelops_stock_shortages_total", Map.of()))
                .isEqualTo(0.0);
        assertThat(delta(before, after, "finance-service", "channelops_invoices_issued_total", Map.of()))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "finance-service", "channelops_payments_posted_total", Map.of()))
                .isEqualTo(1.0);

        // every series of a platform service says which service and which replica it comes from
        for (String service : PLATFORM_SERVICES) {
            Map<String, String> labels = labels(after.get(service), "channelops_outbox_pending");
            assertThat(labels).as(service).containsEntry("service", service);
            assertThat(labels.get("instance")).as(service + " instance tag").isNotBlank();
        }

        Set<String> exposed = new TreeSet<>();
        after.values().forEach(exposition -> exposed.addAll(names(exposition)));
        Map<String, List<String>> queried = dashboardQueries();
        assertThat(queried).as("dashboards in " + DASHBOARDS.toAbsolutePath().normalize())
                .containsKeys("service-red.json", "order-to-cash.json", "outbox-and-lag.json");
        Set<String> used = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        queried.forEach((dashboard, exprs) -> {
            assertThat(exprs).as("queries of " + dashboard).isNotEmpty();
            for (String expr : exprs) {
                Set<String> names = metricNames(expr);
                assertThat(names).as("metrics named in " + dashboard + ": " + expr).isNotEmpty();
                used.addAll(names);
                names.stream().filter(name -> !exposed.contains(name))
                        .forEach(name -> missing.add(dashboard + ": " + name + " in " + expr));
            }
        });
        assertThat(missing).as("metrics the dashboards query that no service exposes").isEmpty();
        assertThat(used).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "channelops_orders_submitted_total", "channelops_orders_approved_total",
                "channelops_orders_held_total", "channelops_shipments_dispatched_total",
                "channelops_invoices_issued_total", "channelops_payments_posted_total",
                "channelops_outbox_pending", "channelops_outbox_oldest_age_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "channelops_dead_letters_total");
    }

    @Test
    void logsPlainTextLinesWithTheCorrelationFieldsUnderTheLocalProfile() throws IOException {
        Path log = Path.of("target", "dashboard-stack", "logs", "order-service.log");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as(log.toString()).isNotEmpty();
        // no JSON log events (a line of its own can still start with "{" when a message spans lines)
        assertThat(lines).noneMatch(line -> line.startsWith("{\"@timestamp\""));
        assertThat(lines).filteredOn(line -> line.contains("Starting OrderServiceApplication")).isNotEmpty()
                .allMatch(line -> line.matches("^\\d{4}-\\d{2}-\\d{2}T.*\\[order-service,[^]]*].*"));
    }

    // --- scraping ------------------------------------------------------------------------------

    /** The Prometheus exposition of every service and the gateway, fetched with the scraper's token. */
    private static Map<String, String> scrapeAll() {
        Map<String, String> expositions = new LinkedHashMap<>();
        for (String service : Stream.concat(PLATFORM_SERVICES.stream(), Stream.of("gateway")).toList()) {
            String text = new Api(stack.url(service), metricsScraper).text("/actuator/prometheus");
            assertThat(text).as(service + " /actuator/prometheus").contains("# TYPE");
            expositions.put(service, text);
        }
        return expositions;
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().map(SAMPLE::matcher).filter(Matcher::find).forEach(m -> names.add(m.group(1)));
        return names;
    }

    private static Map<String, String> labelsOf(String labelText) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(labelText == null ? "" : labelText);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    /** The labels of the first sample of {@code metric}. */
    private static Map<String, String> labels(String exposition, String metric) {
        return exposition.lines().map(SAMPLE::matcher).filter(Matcher::find)
                .filter(m -> m.group(1).equals(metric)).findFirst().map(m -> labelsOf(m.group(3)))
                .orElseThrow(() -> new AssertionError(metric + " not exposed"));
    }

    /** The sum of the samples of {@code metric} whose labels include {@code having}; fails when there is none. */
    private static double value(String exposition, String metric, Map<String, String> having) {
        List<Double> values = exposition.lines().map(SAMPLE::matcher).filter(Matcher::find)
                .filter(m -> m.group(1).equals(metric))
                .filter(m -> labelsOf(m.group(3)).entrySet().containsAll(having.entrySet()))
                .map(m -> Double.parseDouble(m.group(4))).toList();
        assertThat(values).as(metric + " " + having).isNotEmpty();
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double delta(Map<String, String> before, Map<String, String> after, String service,
            String metric, Map<String, String> having) {
        return value(after.get(service), metric, having) - value(before.get(service), metric, having);
    }

    // --- dashboards and PromQL -----------------------------------------------------------------

    /** Every {@code expr} of every dashboard, by file name. */
    private static Map<String, List<String>> dashboardQueries() throws IOException {
        Map<String, List<String>> queries = new TreeMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                List<String> exprs = new ArrayList<>();
                collectExprs(JSON.readTree(file.toFile()), exprs);
                queries.put(file.getFileName().toString(), exprs);
            }
        }
        return queries;
    }

    private static void collectExprs(JsonNode node, List<String> exprs) {
        if (node.isObject()) {
            JsonNode expr = node.get("expr");
            if (expr != null && expr.isString()) {
                exprs.add(expr.asString());
            }
            node.values().forEach(child -> collectExprs(child, exprs));
        }
        else if (node.isArray()) {
            node.forEach(child -> collectExprs(child, exprs));
        }
    }

    /** Words of PromQL that look like metric names but are not: keywords, modifiers and the bucket label. */
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "atan2", "le", "inf", "nan", "start", "end");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");

    /**
     * The metric names a PromQL expression selects, read minimally: Grafana variables, strings, label
     * matchers, ranges and grouping clauses are removed, then every identifier that is not a function
     * call or a PromQL word is a metric name.
     */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\\$\\{[^}]*}", " ").replaceAll("\\$\\w+", " ")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ").replaceAll("'(?:[^'\\\\]|\\\\.)*'", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private static String order(String customerId, String productId) {
        Api.Response order = director.create("/api/v1/orders", """
                {"customerId":"%s","currency":"CNY","lines":[{"productId":"%s","quantity":5}]}"""
                .formatted(customerId, productId));
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
        return order.text("id");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
