package io.channelops.sales.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.sales.QuoteAccepted;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rules of a quote, without Spring: pricing arithmetic, when approval is needed, and the life cycle. */
class QuoteTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final BigDecimal REP_LIMIT = new BigDecimal("10");

    static PricedProduct listed(String listUnitPrice, @Nullable String floor) {
        return new PricedProduct("p-1", "SKU-1", "Valve", floor == null ? "LIST_PRICE" : "PRICE_LIST",
                floor == null ? null : "pl-1", floor == null ? null : "pll-1", new BigDecimal(listUnitPrice),
                new BigDecimal(listUnitPrice), floor == null ? null : new BigDecimal(floor), null, "CNY",
                new BigDecimal("0.1300"));
    }

    static Quote quote(QuoteLine... lines) {
        return Quote.draft("q-1", "Q-2026-000001", new Quote.Header("c-1", null, "CNY", TODAY, TODAY.plusDays(30),
                null, null), List.of(lines), new Ownership("u-rep", "/hq/east/team-1"), "u-rep", NOW);
    }

    @Test
    void aDiscountIsTakenOffTheListUnitPriceAndRoundedHalfUpToTheCent() {
        QuoteLine line = QuoteLine.price(listed("33.33", null), 3, null, new BigDecimal("7.5"));
        // 33.33 × 0.925 = 30.83025 → 30.83
        assertThat(line.unitPrice()).isEqualByComparingTo("30.83");
        assertThat(line.netAmount()).isEqualByComparingTo("92.49");
        // 92.49 × 0.13 = 12.0237 → 12.02
        assertThat(line.vatAmount()).isEqualByComparingTo("12.02");
        // (33.33 − 30.83) / 33.33 = 7.5007...% → 7.50
        assertThat(line.discountPercent()).isEqualByComparingTo("7.50");
    }

    @Test
    void aRequestedUnitPriceIsKeptAndItsDiscountComputed() {
        QuoteLine line = QuoteLine.price(listed("80.00", "70.00"), 2, new BigDecimal("69.99"), null);
        assertThat(line.unitPrice()).isEqualByComparingTo("69.99");
        assertThat(line.discountPercent()).isEqualByComparingTo("12.51");
        assertThat(line.belowFloor()).isTrue();
        assertThat(QuoteLine.price(listed("80.00", "70.00"), 2, new BigDecimal("70.00"), null).belowFloor())
                .isFalse();
        assertThat(QuoteLine.price(listed("80.00", null), 2, new BigDecimal("1.00"), null).belowFloor())
                .as("a list price has no floor").isFalse();
        assertThat(QuoteLine.price(listed("80.00", null), 1, new BigDecimal("88.00"), null).discountPercent())
                .as("a price above the list is a negative discount").isEqualByComparingTo("-10.00");
        assertThat(QuoteLine.price(listed("0.00", null), 1, null, null).discountPercent()).isZero();
    }

    @Test
    void totalsAddUpTheLinesAndTheDiscountIsMeasuredAgainstTheListTotal() {
        Quote quote = quote(QuoteLine.price(listed("100.00", null), 1, new BigDecimal("80.00"), null),
                QuoteLine.price(listed("50.00", null), 2, null, null));
        assertThat(quote.listTotal()).isEqualByComparingTo("200.00");
        assertThat(quote.netTotal()).isEqualByComparingTo("180.00");
        assertThat(quote.vatTotal()).isEqualByComparingTo("23.40");
        assertThat(quote.grossTotal()).isEqualByComparingTo("203.40");
        assertThat(quote.discountPercent()).isEqualByComparingTo("10.00");
        assertThat(quote.approvalReasons(REP_LIMIT)).as("exactly at the limit").isEmpty();
        assertThat(quote.approvalReasons(new BigDecimal("9.99"))).containsExactly(ApprovalReason.DISCOUNT_OVER_LIMIT);
    }

    @Test
    void theDiscountLimitIsComparedExactlyNotAfterRounding() {
        // a requested price is rounded half up to the cent: 89.995 → 90.00, exactly 10 % off
        Quote quote = quote(QuoteLine.price(listed("100.00", null), 1000, new BigDecimal("89.995"), null));
        assertThat(quote.netTotal()).isEqualByComparingTo("90000.00");
        assertThat(quote.approvalReasons(REP_LIMIT)).isEmpty();
        Quote over = quote(QuoteLine.price(listed("100.00", null), 3, new BigDecimal("89.99"), null),
                QuoteLine.price(listed("100.00", null), 1, new BigDecimal("90.02"), null));
        // list 400, net 359.99: 10.0025 % off
        assertThat(over.discountPercent()).isEqualByComparingTo("10.00");
        assertThat(over.approvalReasons(REP_LIMIT)).containsExactly(ApprovalReason.DISCOUNT_OVER_LIMIT);
    }

    @Test
    void submitApprovesAtOnceOrWaitsForAManagerAndRecordsWhy() {
        Quote fine = quote(QuoteLine.price(listed("100.00", "90.00"), 1, null, new BigDecimal("5")));
        fine.submit("u-rep", REP_LIMIT, TODAY, NOW);
        assertThat(fine.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(fine.approvals()).singleElement().satisfies(entry -> {
            assertThat(entry.decision()).isEqualTo(ApprovalDecision.AUTO_APPROVED);
            assertThat(entry.decidedBy()).isEqualTo("u-rep");
            assertThat(entry.discountLimit()).isEqualByComparingTo("10");
        });

        Quote both = quote(QuoteLine.price(listed("100.00", "90.00"), 1, new BigDecimal("85.00"), null));
        both.submit("u-rep", REP_LIMIT, TODAY, NOW);
        assertThat(both.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
        assertThat(both.approvalReasons()).containsExactly(ApprovalReason.BELOW_FLOOR,
                ApprovalReason.DISCOUNT_OVER_LIMIT);
        assertThat(both.approvals().getFirst().reasons()).isEqualTo("BELOW_FLOOR,DISCOUNT_OVER_LIMIT");

        Quote director = quote(QuoteLine.price(listed("100.00", "90.00"), 1, new BigDecimal("85.00"), null));
        director.submit("u-director", new BigDecimal("100"), TODAY, NOW);
        assertThat(director.approvalReasons()).as("below floor needs approval whatever the limit")
                .containsExactly(ApprovalReason.BELOW_FLOOR);
    }

    @Test
    void anEmptyOrOutdatedDraftCannotBeSubmitted() {
        assertThatThrownBy(() -> quote().submit("u-rep", REP_LIMIT, TODAY, NOW))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("QUOTE_EMPTY"));
        Quote quote = quote(QuoteLine.price(listed("10.00", null), 1, null, null));
        assertThatThrownBy(() -> quote.submit("u-rep", REP_LIMIT, TODAY.plusDays(31), NOW))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.code()).isEqualTo("QUOTE_VALIDITY_PASSED"));
        assertThat(quote.status()).isEqualTo(QuoteStatus.DRAFT);
    }

    @Test
    void onlyAnotherPersonDecidesAndOnlyAnApprovedSentQuoteWithinItsValidityIsAccepted() {
        Quote quote = quote(QuoteLine.price(listed("100.00", "95.00"), 1, new BigDecimal("94.00"), null));
        quote.submit("u-rep", REP_LIMIT, TODAY, NOW);
        assertThatThrownBy(() -> quote.accept(TODAY, NOW)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("QUOTE_NOT_APPROVED"));
        assertThatThrownBy(() -> quote.approve("u-rep", null, NOW)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("SAME_PERSON_STEP"));
        assertThat(quote.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
        quote.approve("u-manager", "ok once", NOW);
        assertThatThrownBy(() -> quote.accept(TODAY, NOW)).as("approved but not sent")
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.code()).isEqualTo("ILLEGAL_STATE_TRANSITION"));
        quote.send(NOW);
        assertThatThrownBy(() -> quote.accept(TODAY.plusDays(31), NOW)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("QUOTE_EXPIRED"));
        assertThat(quote.registeredEvents()).isEmpty();

        quote.accept(TODAY.plusDays(30), NOW);
        assertThat(quote.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(quote.registeredEvents()).singleElement().isInstanceOfSatisfying(QuoteAccepted.class, event -> {
            assertThat(event.quoteNumber()).isEqualTo("Q-2026-000001");
            assertThat(event.opportunityId()).isEmpty();
            assertThat(event.total().amount()).isEqualByComparingTo("94.00");
            assertThat(event.lines()).singleElement().satisfies(line -> {
                assertThat(line.unitPrice()).isEqualByComparingTo("94.00");
                assertThat(line.listUnitPrice()).isEqualByComparingTo("100.00");
            });
        });
    }

    @Test
    void expiryAppliesToApprovedAndSentOffersOnly() {
        Quote draft = quote(QuoteLine.price(listed("10.00", null), 1, null, null));
        assertThat(draft.expireIfDue(TODAY.plusDays(31), NOW)).isFalse();
        draft.submit("u-rep", REP_LIMIT, TODAY, NOW);
        assertThat(draft.expireIfDue(TODAY.plusDays(30), NOW)).as("valid through validUntil").isFalse();
        assertThat(draft.expireIfDue(TODAY.plusDays(31), NOW)).isTrue();
        assertThat(draft.status()).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void aRevisionStartsTheNextVersionAndSupersedesThisOne() {
        Quote quote = quote(QuoteLine.price(listed("10.00", null), 1, null, null));
        assertThatThrownBy(() -> quote.revise("q-2", TODAY, TODAY.plusDays(30), quote.lines(), "u-rep", NOW))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.code()).isEqualTo("ILLEGAL_STATE_TRANSITION"));
        quote.submit("u-rep", REP_LIMIT, TODAY, NOW);
        Quote next = quote.revise("q-2", TODAY.plusDays(1), TODAY.plusDays(31), quote.lines(), "u-manager", NOW);
        assertThat(quote.status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(quote.supersededBy()).isEqualTo("q-2");
        assertThat(next.number()).isEqualTo(quote.number());
        assertThat(next.quoteVersion()).isEqualTo(2);
        assertThat(next.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(next.ownership()).isEqualTo(quote.ownership());
        assertThat(next.createdBy()).isEqualTo("u-manager");
        assertThat(next.revisedFrom()).isEqualTo("q-1");
        assertThat(next.approvals()).isEmpty();
    }

    @Test
    void theDiscountLimitIsTheHighestOfTheSubmittersRolesAndZeroWithoutOne() {
        QuoteSettings settings = new QuoteSettings(30, "CNY", java.time.ZoneOffset.UTC,
                Map.of("rep", new BigDecimal("10"), "MANAGER", new BigDecimal("20")), new QuoteSettings.Pdf("", "X"));
        assertThat(settings.discountLimit(Set.of("REP"))).isEqualByComparingTo("10");
        assertThat(settings.discountLimit(Set.of("REP", "MANAGER"))).isEqualByComparingTo("20");
        assertThat(settings.discountLimit(Set.of())).isEqualByComparingTo("0");
        assertThat(settings.discountLimit(Set.of("AUDITOR"))).isEqualByComparingTo("0");
        QuoteSettings defaults = new QuoteSettings(30, "CNY", java.time.ZoneOffset.UTC, null,
                new QuoteSettings.Pdf("", "X"));
        assertThat(defaults.discountLimit(Set.of("DIRECTOR"))).isEqualByComparingTo("100");
        assertThatThrownBy(() -> new QuoteSettings(30, "CNY", java.time.ZoneOffset.UTC,
                Map.of("REP", new BigDecimal("101")), new QuoteSettings.Pdf("", "X")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreTheYearAndSixDigits() {
        assertThat(QuoteNumbers.format(2026, 123)).isEqualTo("Q-2026-000123");
        assertThat(QuoteNumbers.format(2027, 999_999)).isEqualTo("Q-2027-999999");
    }
}
