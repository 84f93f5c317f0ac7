package io.channelops.kpi;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the KPI API the way a client does and waits for consumed events to show in it. */
public final class KpiReads {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    public KpiReads(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** GETs {@code path} (expecting 200) and returns the raw body. */
    public String body(String path) {
        try {
            MvcResult result = mvc.perform(get(path)).andReturn();
            if (result.getResponse().getStatus() != 200) {
                throw new AssertionError("GET " + path + " answered " + result.getResponse().getStatus() + ": "
                        + result.getResponse().getContentAsString());
            }
            return result.getResponse().getContentAsString();
        }
        catch (Exception ex) {
            throw new AssertionError("GET " + path + " failed", ex);
        }
    }

    public JsonNode json(String path) {
        return JSON.readTree(body(path));
    }

    /**
     * Polls {@code path} until its body satisfies {@code until}; fails with the last body seen. A 404 counts as not
     * there yet: a scorecard answers 404 until the caller may see one of its facts.
     */
    public JsonNode await(String path, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        @Nullable JsonNode last = jsonUnlessNotFound(path);
        while (last == null || !until.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("GET " + path + " did not show the expected state within " + TIMEOUT
                        + "; last body: " + (last == null ? "404" : last));
            }
            pause();
            last = jsonUnlessNotFound(path);
        }
        return last;
    }

    private @Nullable JsonNode jsonUnlessNotFound(String path) {
        try {
            MvcResult result = mvc.perform(get(path)).andReturn();
            int status = result.getResponse().getStatus();
            if (status == 404) {
                return null;
            }
            if (status != 200) {
                throw new AssertionError("GET " + path + " answered " + status + ": "
                        + result.getResponse().getContentAsString());
            }
            return JSON.readTree(result.getResponse().getContentAsString());
        }
        catch (Exception ex) {
            throw new AssertionError("GET " + path + " failed", ex);
        }
    }

    public static void awaitTrue(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + TIMEOUT);
            }
            pause();
        }
    }

    /** The totals entry of {@code currency} in a scorecard, or null. */
    public static @Nullable JsonNode totals(JsonNode scorecard, String currency) {
        for (JsonNode entry : scorecard.get("totals")) {
            if (currency.equals(entry.get("currency").asString())) {
                return entry;
            }
        }
        return null;
    }

    /** Whether a scorecard shows exactly these totals in {@code currency} (amounts compared by value). */
    public static boolean shows(JsonNode scorecard, String currency, String orderValue, long orders, String cash) {
        JsonNode entry = totals(scorecard, currency);
        return entry != null
                && decimal(entry, "approvedOrderValue").compareTo(new BigDecimal(orderValue)) == 0
                && entry.get("approvedOrders").asLong() == orders
                && decimal(entry, "collectedCash").compareTo(new BigDecimal(cash)) == 0;
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        return node.get(field).decimalValue();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
