package io.channelops.sales.price;

import static io.channelops.sales.pricelist.PricingFixtures.categoryLine;
import static io.channelops.sales.pricelist.PricingFixtures.productLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.channelops.events.customer.CustomerChanged;
import io.channelops.events.customer.CustomerRegistered;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.sales.pricelist.PricingFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The effective price through the HTTP endpoint order-service calls, with real price lists taken through their
 * approval and customers known only from customer-service's events on the real broker.
 */
@ServiceIntegrationTest
class PriceListPricingIT {

    private static final String EFFECTIVE = "/api/v1/prices/effective";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private PricingFixtures fixtures;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        fixtures = new PricingFixtures(mvc, json);
    }

    private JsonNode price(String productId, @Nullable String customerId, int quantity, @Nullable LocalDate date)
            throws Exception {
        var request = get(EFFECTIVE).param("productId", productId).param("quantity", Integer.toString(quantity))
                .with(Callers.REP_EAST_1.asCaller());
        if (customerId != null) {
            request.param("customerId", customerId);
        }
        if (date != null) {
            request.param("date", date.toString());
        }
        return fixtures.body(mvc.perform(request).andReturn());
    }

    /** Asks until the answer satisfies {@code until}: the customer copy is fed asynchronously from Kafka. */
    private JsonNode priceOnceKnown(String productId, String customerId, Predicate<JsonNode> until) throws Exception {
        JsonNode answer = price(productId, customerId, 1, null);
        for (int attempt = 0; attempt < 300 && !until.test(answer); attempt++) {
            Thread.sleep(200);
            answer = price(productId, customerId, 1, null);
        }
        return answer;
    }

    private long seen(String eventId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE event_id = ?", Long.class, eventId);
        return count == null ? 0 : count;
    }

    private static String registered(String region, String type, String level) {
        String customerId = UUID.randomUUID().toString();
        EventProbe.publish(new CustomerRegistered(customerId, "C-" + customerId.substring(0, 6), "Buyer " + region,
                type, region, Instant.now(), "u-rep-east1-a", "/hq/east/team-1", level, "ACTIVE"), 1);
        return customerId;
    }

    @Test
    void resolvesTheMostSpecificListForACustomerKnownFromItsRegistrationEvent() throws Exception {
        String region = PricingFixtures.uniqueRegion();
        String root = fixtures.category("Root " + region, null);
        String pumps = fixtures.category("Pumps " + region, root);
        String product = fixtures.product("150.00", pumps);
        LocalDate from = today.minusDays(1);
        // scoped to the test's own category tree only: applies to any customer, even an unknown one
        String anyone = fixtures.active("Anyone " + region, from, null, "{\"categoryId\":\"" + root + "\"}",
                "[" + productLine(product, "120.00", "100.00", "[]") + "]");
        String regionList = fixtures.active("Region " + region, from, null,
                "{\"regionCode\":\"" + region + "\"}", "[" + categoryLine(root, "110.00", "90.00") + "]");
        String regionKey = fixtures.active("Region key " + region, from, null,
                "{\"regionCode\":\"" + region + "\",\"customerLevel\":\"KEY\",\"categoryId\":\"" + root + "\"}",
                "[" + categoryLine(pumps, "100.00", "85.00") + "," + productLine(product, "95.00", "80.00",
                        "[{\"minQuantity\":10,\"price\":90.00},{\"minQuantity\":50,\"price\":85.00}]") + "]");
        fixtures.active("Dealers " + region, from, null,
                "{\"regionCode\":\"" + region + "\",\"customerType\":\"DEALER\",\"customerLevel\":\"KEY\"}",
                "[" + productLine(product, "70.00", "60.00", "[]") + "]");

        // unknown customer: only the list without customer fields applies
        String customer = UUID.randomUUID().toString();
        JsonNode unknown = price(product, customer, 1, null);
        assertThat(unknown.get("source").asString()).isEqualTo("PRICE_LIST");
        assertThat(unknown.get("priceListId").asString()).isEqualTo(anyone);
        assertThat(unknown.get("customerKnown").asBoolean()).isFalse();

        // a key distributor of the region, registered in customer-service
        EventProbe.publish(new CustomerRegistered(customer, "C-1", "Acme " + region, "DISTRIBUTOR", region,
                Instant.now(), "u-rep-east1-a", "/hq/east/team-1", "KEY", "ACTIVE"), 1);
        JsonNode known = priceOnceKnown(product, customer, a -> a.get("customerKnown").asBoolean());
        assertThat(known.get("customerKnown").asBoolean()).isTrue();
        assertThat(known.get("priceListId").asString()).isEqualTo(regionKey);
        assertThat(known.get("priceListName").asString()).isEqualTo("Region key " + region);
        assertThat(known.get("lineKind").asString()).isEqualTo("PRODUCT");
        assertThat(known.get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(known.get("unitPrice").get("currency").asString()).isEqualTo("CNY");
        assertThat(known.get("listPrice").get("amount").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(known.get("floorPrice").get("amount").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(known.get("matchedScope").get("regionCode").asString()).isEqualTo(region);
        assertThat(known.get("matchedScope").get("customerLevel").asString()).isEqualTo("KEY");
        assertThat(known.get("matchedScope").get("categoryId").asString()).isEqualTo(root);
        assertThat(known.get("matchedScope").has("customerType")).isFalse();
        assertThat(known.get("lineId").asString()).isNotBlank();

        // quantity breaks of that line
        JsonNode twelve = price(product, customer, 12, null);
        assertThat(twelve.get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(twelve.get("breakMinQuantity").asInt()).isEqualTo(10);
        assertThat(price(product, customer, 50, null).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("85.00");

        // the customer becomes NORMAL: the region's category line applies
        EventProbe.publish(new CustomerChanged(customer, List.of("level"), "C-1", "Acme " + region, "DISTRIBUTOR",
                "NORMAL", "ACTIVE", region, Instant.now(), "u-rep-east1-a", "/hq/east/team-1"), 2);
        JsonNode normal = priceOnceKnown(product, customer, a -> regionList.equals(a.get("priceListId").asString()));
        assertThat(normal.get("priceListId").asString()).isEqualTo(regionList);
        assertThat(normal.get("lineKind").asString()).isEqualTo("CATEGORY");
        assertThat(normal.get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("110.00");

        // a late, older snapshot (version 1 again) is recorded as seen but changes nothing
        String stale = EventProbe.publish(new CustomerChanged(customer, List.of("level"), "C-1", "Acme " + region,
                "DISTRIBUTOR", "KEY", "ACTIVE", region, Instant.now(), "u-rep-east1-a", "/hq/east/team-1"), 1);
        for (int attempt = 0; attempt < 300 && seen(stale) == 0; attempt++) {
            Thread.sleep(200);
        }
        assertThat(seen(stale)).isEqualTo(1);
        assertThat(price(product, customer, 1, null).get("priceListId").asString()).isEqualTo(regionList);

        // merged into a key dealer of the region: priced as the survivor
        String survivor = registered(region, "DEALER", "KEY");
        EventProbe.publish(new CustomersMerged(survivor, customer, "C-1", "u-manager-east", Instant.now(),
                "u-rep-east1-a", "/hq/east/team-1"), 2);
        JsonNode merged = priceOnceKnown(product, customer,
                a -> a.get("unitPrice").get("amount").decimalValue().compareTo(new java.math.BigDecimal("70.00")) == 0);
        assertThat(merged.get("matchedScope").get("customerType").asString()).isEqualTo("DEALER");
        assertThat(price(product, survivor, 1, null).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("70.00");
    }

    @Test
    void respectsValidityDatesAndFallsBackToTheListPrice() throws Exception {
        String category = fixtures.category("Dated " + PricingFixtures.uniqueRegion(), null);
        String product = fixtures.product("150.00", category);
        String june = fixtures.active("Dated", today.plusDays(10), today.plusDays(20),
                "{\"categoryId\":\"" + category + "\"}",
                "[" + productLine(product, "120.00", "100.00", "[]") + "]");
        JsonNode before = price(product, null, 1, today.plusDays(9));
        assertThat(before.get("source").asString()).isEqualTo("LIST_PRICE");
        assertThat(before.has("priceListId")).isTrue();
        assertThat(before.get("priceListId").isNull()).isTrue();
        assertThat(before.get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(before.has("floorPrice")).isFalse();
        assertThat(price(product, null, 1, today.plusDays(10)).get("priceListId").asString()).isEqualTo(june);
        assertThat(price(product, null, 1, today.plusDays(20)).get("priceListId").asString()).isEqualTo(june);
        assertThat(price(product, null, 1, today.plusDays(21)).get("source").asString()).isEqualTo("LIST_PRICE");
        // no date: today, before the list starts
        JsonNode now = price(product, null, 1, null);
        assertThat(now.get("source").asString()).isEqualTo("LIST_PRICE");
        assertThat(now.get("date").asString()).isEqualTo(today.toString());
    }

    @Test
    void draftsAndListsUnderReviewNeverPrice() throws Exception {
        String product = fixtures.product("150.00", null);
        String line = "[" + productLine(product, "1.00", "1.00", "[]") + "]";
        fixtures.draft("Draft", today.minusDays(1), null, "{}", line);
        fixtures.reviewed("Reviewed", today.minusDays(1), null, "{}", line);
        assertThat(price(product, null, 1, null).get("source").asString()).isEqualTo("LIST_PRICE");
    }
}
