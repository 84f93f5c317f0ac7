package io.channelops.sales.pricelist;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.sales.pricelist.PriceListPrecedence.Buyer;
import io.channelops.sales.pricelist.PriceListPrecedence.Candidate;
import io.channelops.sales.pricelist.PriceListPrecedence.Choice;
import io.channelops.sales.pricelist.PriceListPrecedence.Sale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which price list line prices a sale: the precedence rules, without Spring or a database. */
class PriceListPrecedenceTest {

    private static final String PRODUCT = "p-pump-200";
    private static final String ROOT = "c-root";
    private static final String PUMPS = "c-pumps";
    private static final String CENTRIFUGAL = "c-centrifugal";
    /** The product's category and its ancestors, nearest first. */
    private static final List<String> PRODUCT_CATEGORIES = List.of(CENTRIFUGAL, PUMPS, ROOT);
    private static final LocalDate DAY = LocalDate.parse("2026-06-15");
    private static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");

    private static final Buyer EAST_KEY_DISTRIBUTOR = new Buyer("EAST", "DISTRIBUTOR", "KEY");

    /** The lists of the table, each with a line for the product, by the letter the table names them. */
    private static final Map<String, PriceScope> SCOPES = Map.ofEntries(
            Map.entry("A", PriceScope.ANY),
            Map.entry("B", new PriceScope("EAST", null, null, null)),
            Map.entry("C", new PriceScope(null, "DISTRIBUTOR", null, null)),
            Map.entry("D", new PriceScope(null, null, "KEY", null)),
            Map.entry("E", new PriceScope(null, null, null, PUMPS)),
            Map.entry("F", new PriceScope("EAST", "DISTRIBUTOR", null, null)),
            Map.entry("G", new PriceScope("EAST", null, "KEY", null)),
            Map.entry("H", new PriceScope(null, "DISTRIBUTOR", "KEY", null)),
            Map.entry("I", new PriceScope("EAST", null, null, ROOT)),
            Map.entry("J", new PriceScope("EAST", null, null, CENTRIFUGAL)),
            Map.entry("K", new PriceScope("EAST", "DISTRIBUTOR", "KEY", PUMPS)),
            Map.entry("L", new PriceScope("WEST", null, null, null)),
            Map.entry("M", new PriceScope(null, "DEALER", "KEY", null)),
            Map.entry("N", new PriceScope("EAST", "DISTRIBUTOR", "KEY", null)),
            Map.entry("O", new PriceScope(null, null, null, "c-valves")));

    static Stream<Arguments> scopeTable() {
        Buyer unknown = Buyer.UNKNOWN;
        Buyer eastDealerNormal = new Buyer("EAST", "DEALER", "NORMAL");
        return Stream.of(
                row("a list for anyone applies when it is the only one", "A", EAST_KEY_DISTRIBUTOR, "A"),
                row("one scope field beats none", "A B", EAST_KEY_DISTRIBUTOR, "B"),
                row("customer type beats region", "B C", EAST_KEY_DISTRIBUTOR, "C"),
                row("customer level beats customer type", "C D", EAST_KEY_DISTRIBUTOR, "D"),
                row("region beats category", "B E", EAST_KEY_DISTRIBUTOR, "B"),
                row("two fields beat one, whatever their weight", "D F", EAST_KEY_DISTRIBUTOR, "F"),
                row("region + level beats region + type", "F G", EAST_KEY_DISTRIBUTOR, "G"),
                row("type + level beats region + level", "G H", EAST_KEY_DISTRIBUTOR, "H"),
                row("three customer fields beat two", "H N G", EAST_KEY_DISTRIBUTOR, "N"),
                row("all four fields beat everything", "A B C D E F G H I J N K", EAST_KEY_DISTRIBUTOR, "K"),
                row("same fields: the nearer scope category wins", "I J", EAST_KEY_DISTRIBUTOR, "J"),
                row("a list of another region never applies", "L A", EAST_KEY_DISTRIBUTOR, "A"),
                row("a list needing another customer type never applies", "M D", EAST_KEY_DISTRIBUTOR, "D"),
                row("a list of another category never applies", "O", EAST_KEY_DISTRIBUTOR, null),
                row("unknown customer: only lists without customer fields", "B C D K A E", unknown, "E"),
                row("unknown customer and only customer lists: none applies", "B C D", unknown, null),
                row("a dealer of normal level gets the region's list", "C D H K B A", eastDealerNormal, "B"),
                row("no list at all: none applies", "", EAST_KEY_DISTRIBUTOR, null));
    }

    private static Arguments row(String why, String lists, Buyer buyer, @Nullable String winner) {
        return Arguments.of(why, lists, buyer, winner);
    }

    @ParameterizedTest(name = "{0}: [{1}] -> {3}")
    @MethodSource("scopeTable")
    void theMostSpecificScopeWins(String why, String lists, Buyer buyer, @Nullable String winner) {
        List<Candidate> candidates = new ArrayList<>();
        for (String letter : Arrays.stream(lists.split(" ")).filter(s -> !s.isBlank()).toList()) {
            candidates.add(productLine("list-" + letter, SCOPES.get(letter), JAN_1, null, "100.00"));
        }
        Optional<Choice> choice = PriceListPrecedence.choose(sale(buyer, 1), candidates);
        if (winner == null) {
            assertThat(choice).as(why).isEmpty();
        }
        else {
            assertThat(choice).as(why).isPresent();
            assertThat(choice.orElseThrow().line().priceListId()).as(why).isEqualTo("list-" + winner);
        }
    }

    @Test
    void sameScopeTheLaterStartWinsThenTheSmallerId() {
        Candidate older = productLine("list-b", PriceScope.ANY, JAN_1, null, "100.00");
        Candidate newer = productLine("list-c", PriceScope.ANY, LocalDate.parse("2026-06-01"), null, "90.00");
        Candidate twin = productLine("list-a", PriceScope.ANY, LocalDate.parse("2026-06-01"), null, "80.00");
        assertThat(winner(List.of(older, newer))).isEqualTo("list-c");
        assertThat(winner(List.of(newer, older, twin))).isEqualTo("list-a");
        assertThat(winner(List.of(twin, newer))).isEqualTo("list-a");
    }

    @Test
    void withinAListTheProductLineBeatsCategoryLinesAndTheNearestCategoryLineBeatsFartherOnes() {
        Candidate root = categoryLine("list-1", ROOT, "10.00");
        Candidate pumps = categoryLine("list-1", PUMPS, "20.00");
        Candidate own = productLine("list-1", PriceScope.ANY, JAN_1, null, "30.00");
        assertThat(choose(List.of(root, pumps, own)).line().lineId()).isEqualTo(own.lineId());
        assertThat(choose(List.of(root, pumps)).line().lineId()).isEqualTo(pumps.lineId());
        assertThat(choose(List.of(pumps, root)).unitPrice()).isEqualByComparingTo("20.00");
        Candidate otherCategory = categoryLine("list-1", "c-valves", "5.00");
        assertThat(PriceListPrecedence.choose(sale(EAST_KEY_DISTRIBUTOR, 1), List.of(otherCategory))).isEmpty();
    }

    @Test
    void aCategoryLineOfAMoreSpecificListBeatsAProductLineOfALessSpecificOne() {
        Candidate anyone = productLine("list-any", PriceScope.ANY, JAN_1, null, "100.00");
        Candidate east = new Candidate("list-east", "East", "CNY", PriceListStatus.ACTIVE, JAN_1, null,
                new PriceScope("EAST", null, null, null), "line-east", null, PUMPS, new BigDecimal("95.00"),
                new BigDecimal("90.00"), List.of());
        assertThat(choose(List.of(anyone, east)).line().priceListId()).isEqualTo("list-east");
    }

    @Test
    void theQuantityBreakWithTheLargestMinimumNotAboveTheQuantityApplies() {
        Candidate line = new Candidate("list-1", "Breaks", "CNY", PriceListStatus.ACTIVE, JAN_1, null, PriceScope.ANY,
                "line-1", PRODUCT, null, new BigDecimal("100.00"), new BigDecimal("80.00"),
                List.of(new PriceBreak(10, new BigDecimal("95.00")), new PriceBreak(50, new BigDecimal("90.00")),
                        new PriceBreak(200, new BigDecimal("85.00"))));
        assertThat(priceAt(line, 1)).isEqualByComparingTo("100.00");
        assertThat(priceAt(line, 9)).isEqualByComparingTo("100.00");
        assertThat(priceAt(line, 10)).isEqualByComparingTo("95.00");
        assertThat(priceAt(line, 49)).isEqualByComparingTo("95.00");
        assertThat(priceAt(line, 50)).isEqualByComparingTo("90.00");
        assertThat(priceAt(line, 199)).isEqualByComparingTo("90.00");
        assertThat(priceAt(line, 1_000_000)).isEqualByComparingTo("85.00");
        Choice at60 = PriceListPrecedence.choose(sale(EAST_KEY_DISTRIBUTOR, 60), List.of(line)).orElseThrow();
        assertThat(at60.appliedBreak()).isEqualTo(new PriceBreak(50, new BigDecimal("90.00")));
        Choice at2 = PriceListPrecedence.choose(sale(EAST_KEY_DISTRIBUTOR, 2), List.of(line)).orElseThrow();
        assertThat(at2.appliedBreak()).isNull();
    }

    @Test
    void aListAppliesOnlyFromItsFirstToItsLastDayInclusive() {
        Candidate june = productLine("list-june", PriceScope.ANY, LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-30"), "90.00");
        assertThat(applies(june, "2026-05-31")).isFalse();
        assertThat(applies(june, "2026-06-01")).isTrue();
        assertThat(applies(june, "2026-06-30")).isTrue();
        assertThat(applies(june, "2026-07-01")).isFalse();
        Candidate open = productLine("list-open", PriceScope.ANY, LocalDate.parse("2026-06-01"), null, "90.00");
        assertThat(applies(open, "2099-12-31")).isTrue();
        assertThat(applies(open, "2026-05-31")).isFalse();
    }

    @Test
    void onlyConfirmedListsPriceAndAnExpiredOneStillPricesTheDatesOfItsValidity() {
        for (PriceListStatus status : List.of(PriceListStatus.DRAFT, PriceListStatus.SUBMITTED,
                PriceListStatus.REVIEWED)) {
            Candidate unconfirmed = withStatus(productLine("list-x", PriceScope.ANY, JAN_1, null, "1.00"), status);
            assertThat(PriceListPrecedence.choose(sale(EAST_KEY_DISTRIBUTOR, 1), List.of(unconfirmed)))
                    .as(status.name()).isEmpty();
        }
        Candidate expired = withStatus(productLine("list-old", PriceScope.ANY, JAN_1, LocalDate.parse("2026-06-30"),
                "1.00"), PriceListStatus.EXPIRED);
        assertThat(applies(expired, "2026-06-15")).isTrue();
        assertThat(applies(expired, "2026-07-01")).isFalse();
    }

    @Test
    void aListScopedToACategoryPricesNoProductOutsideItEvenWithAProductLine() {
        Candidate valvesOnly = productLine("list-valves", new PriceScope(null, null, null, "c-valves"), JAN_1, null,
                "1.00");
        assertThat(PriceListPrecedence.choose(sale(EAST_KEY_DISTRIBUTOR, 1), List.of(valvesOnly))).isEmpty();
        Sale uncategorized = new Sale(PRODUCT, List.of(), EAST_KEY_DISTRIBUTOR, DAY, 1);
        Candidate pumps = productLine("list-pumps", new PriceScope(null, null, null, PUMPS), JAN_1, null, "1.00");
        assertThat(PriceListPrecedence.choose(uncategorized, List.of(pumps))).isEmpty();
    }

    private static String winner(List<Candidate> candidates) {
        return choose(candidates).line().priceListId();
    }

    private static Choice choose(List<Candidate> candidates) {
        return PriceListPrecedence.choose(sale(EAST_KEY_DISTRIBUTOR, 1), candidates).orElseThrow();
    }

    private static BigDecimal priceAt(Candidate line, int quantity) {
        return PriceListPrecedence.choose(sale(EAST_KEY_DISTRIBUTOR, quantity), List.of(line)).orElseThrow()
                .unitPrice();
    }

    private static boolean applies(Candidate line, String date) {
        Sale sale = new Sale(PRODUCT, PRODUCT_CATEGORIES, EAST_KEY_DISTRIBUTOR, LocalDate.parse(date), 1);
        return PriceListPrecedence.choose(sale, List.of(line)).isPresent();
    }

    private static Sale sale(Buyer buyer, int quantity) {
        return new Sale(PRODUCT, PRODUCT_CATEGORIES, buyer, DAY, quantity);
    }

    private static Candidate productLine(String listId, PriceScope scope, LocalDate from, @Nullable LocalDate to,
            String price) {
        return new Candidate(listId, "List " + listId, "CNY", PriceListStatus.ACTIVE, from, to, scope,
                "line-" + listId + "-product", PRODUCT, null, new BigDecimal(price), new BigDecimal("0.00"),
                List.of());
    }

    private static Candidate categoryLine(String listId, String categoryId, String price) {
        return new Candidate(listId, "List " + listId, "CNY", PriceListStatus.ACTIVE, JAN_1, null, PriceScope.ANY,
                "line-" + listId + "-" + categoryId, null, categoryId, new BigDecimal(price), new BigDecimal("0.00"),
                List.of());
    }

    private static Candidate withStatus(Candidate c, PriceListStatus status) {
        return new Candidate(c.priceListId(), c.priceListName(), c.currency(), status, c.validFrom(), c.validTo(),
                c.scope(), c.lineId(), c.lineProductId(), c.lineCategoryId(), c.listPrice(), c.floorPrice(),
                c.breaks());
    }
}
