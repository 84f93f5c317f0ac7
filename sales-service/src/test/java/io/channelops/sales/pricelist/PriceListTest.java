package io.channelops.sales.pricelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.sales.PriceListActivated;
import io.channelops.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A price list's life cycle and four-eyes rules, without Spring. */
class PriceListTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-04-01");
    private static final String ENTRY = "u-manager";
    private static final String REVIEWER = "u-finance";
    private static final String CONFIRMER = "u-director";

    private static PriceList draft() {
        PriceList list = PriceList.create(new PriceList.Header(" East 2026 ", "CNY", FROM, null,
                new PriceScope("east", null, "key", null)), ENTRY, NOW);
        list.addLine(line("p-1", "100.00", "80.00"), ENTRY, NOW);
        return list;
    }

    private static PriceListLine.Prices line(String productId, String list, String floor, PriceBreak... breaks) {
        return new PriceListLine.Prices(productId, null, new BigDecimal(list), new BigDecimal(floor),
                List.of(breaks));
    }

    private static void assertProblem(Runnable action, HttpStatus status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.code()).isEqualTo(code);
        });
    }

    @Test
    void aNewListIsADraftWithANormalizedScope() {
        PriceList list = draft();
        assertThat(list.status()).isEqualTo(PriceListStatus.DRAFT);
        assertThat(list.name()).isEqualTo("East 2026");
        assertThat(list.scope()).isEqualTo(new PriceScope("EAST", null, "KEY", null));
        assertThat(list.createdBy()).isEqualTo(ENTRY);
        assertThat(list.enteredBy()).containsExactly(ENTRY);
        assertThat(list.lines()).hasSize(1);
    }

    @Test
    void theSamePersonCannotEnterAndReview() {
        PriceList list = draft();
        list.submit(ENTRY, NOW);
        assertProblem(() -> list.review(ENTRY, NOW), HttpStatus.UNPROCESSABLE_CONTENT, "SAME_PERSON_STEP");
        assertThat(list.status()).isEqualTo(PriceListStatus.SUBMITTED);
    }

    @Test
    void whoeverEditedOrSubmittedCannotReviewEither() {
        PriceList list = draft();
        list.addLine(line("p-2", "10.00", "9.00"), "u-editor", NOW);
        list.submit("u-submitter", NOW);
        assertThat(list.enteredBy()).containsExactly(ENTRY, "u-editor", "u-submitter");
        assertProblem(() -> list.review("u-editor", NOW), HttpStatus.UNPROCESSABLE_CONTENT, "SAME_PERSON_STEP");
        assertProblem(() -> list.review("u-submitter", NOW), HttpStatus.UNPROCESSABLE_CONTENT, "SAME_PERSON_STEP");
        list.review(REVIEWER, NOW);
        assertThat(list.status()).isEqualTo(PriceListStatus.REVIEWED);
    }

    @Test
    void neitherTheReviewerNorTheEnteringPersonCanConfirm() {
        PriceList list = draft();
        list.submit(ENTRY, NOW);
        list.review(REVIEWER, NOW);
        assertProblem(() -> list.activate(REVIEWER, NOW, List.of()), HttpStatus.UNPROCESSABLE_CONTENT,
                "SAME_PERSON_STEP");
        assertProblem(() -> list.activate(ENTRY, NOW, List.of()), HttpStatus.UNPROCESSABLE_CONTENT,
                "SAME_PERSON_STEP");
        list.activate(CONFIRMER, NOW, List.of("old-1"));
        assertThat(list.status()).isEqualTo(PriceListStatus.ACTIVE);
        assertThat(list.activatedBy()).isEqualTo(CONFIRMER);
        PriceListActivated event = (PriceListActivated) list.pendingEvents().getLast();
        assertThat(event.priceListId()).isEqualTo(list.id());
        assertThat(event.regionCode()).isEqualTo("EAST");
        assertThat(event.customerType()).isEmpty();
        assertThat(event.customerLevel()).isEqualTo("KEY");
        assertThat(event.categoryId()).isEmpty();
        assertThat(event.validFrom()).isEqualTo(FROM);
        assertThat(event.supersededPriceListIds()).containsExactly("old-1");
        assertThat(event.activatedBy()).isEqualTo(CONFIRMER);
    }

    @Test
    void stepsFollowTheLifeCycleOnly() {
        PriceList list = draft();
        assertProblem(() -> list.review(REVIEWER, NOW), HttpStatus.CONFLICT, "ILLEGAL_STATE_TRANSITION");
        assertProblem(() -> list.activate(CONFIRMER, NOW, List.of()), HttpStatus.CONFLICT,
                "ILLEGAL_STATE_TRANSITION");
        list.submit(ENTRY, NOW);
        assertProblem(() -> list.submit(ENTRY, NOW), HttpStatus.CONFLICT, "ILLEGAL_STATE_TRANSITION");
        assertProblem(() -> list.addLine(line("p-9", "1.00", "1.00"), ENTRY, NOW), HttpStatus.CONFLICT,
                "ILLEGAL_STATE_TRANSITION");
        assertThat(list.pendingEvents()).isEmpty();
    }

    @Test
    void anEmptyListCannotBeSubmitted() {
        PriceList list = PriceList.create(new PriceList.Header("Empty", "CNY", FROM, null, PriceScope.ANY), ENTRY,
                NOW);
        assertProblem(() -> list.submit(ENTRY, NOW), HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_LIST_EMPTY");
    }

    @Test
    void aRejectedListGoesBackToDraftWithTheNoteAndMustBeReviewedAgain() {
        PriceList list = draft();
        list.submit(ENTRY, NOW);
        assertProblem(() -> list.reject(ENTRY, "mine", true, true, NOW), HttpStatus.UNPROCESSABLE_CONTENT,
                "SAME_PERSON_STEP");
        assertProblem(() -> list.reject(REVIEWER, "no review right", false, true, NOW),
                HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_LIST_REJECT_NOT_ALLOWED");
        list.reject(REVIEWER, "  Floor too low  ", true, false, NOW);
        assertThat(list.status()).isEqualTo(PriceListStatus.DRAFT);
        assertThat(list.rejectionNote()).isEqualTo("Floor too low");
        assertThat(list.rejectedBy()).isEqualTo(REVIEWER);
        assertThat(list.submittedBy()).isNull();
        list.submit(ENTRY, NOW);
        list.review(REVIEWER, NOW);
        assertProblem(() -> list.reject(REVIEWER, "changed my mind", true, true, NOW),
                HttpStatus.UNPROCESSABLE_CONTENT, "SAME_PERSON_STEP");
        list.reject(CONFIRMER, "Not this quarter", false, true, NOW);
        assertThat(list.status()).isEqualTo(PriceListStatus.DRAFT);
        assertThat(list.reviewedBy()).isNull();
    }

    @Test
    void closingAListSetsItsEndTheDayBeforeItsSuccessorAndExpiresItOnlyWhenThatDayIsPast() {
        PriceList list = draft();
        list.closeBefore(LocalDate.parse("2026-07-01"), "new-1", LocalDate.parse("2026-05-01"), NOW);
        assertThat(list.validTo()).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(list.supersededBy()).isEqualTo("new-1");
        assertThat(list.overlaps(LocalDate.parse("2026-06-30"), null)).isTrue();
        assertThat(list.overlaps(LocalDate.parse("2026-07-01"), null)).isFalse();
        assertThat(list.overlaps(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"))).isFalse();
    }

    @Test
    void linesKeepTheirRules() {
        assertProblem(() -> line("p-1", "10.00", "11.00"), HttpStatus.UNPROCESSABLE_CONTENT, "FLOOR_ABOVE_LIST_PRICE");
        assertProblem(() -> line("p-1", "10.00", "8.00", new PriceBreak(10, new BigDecimal("9.00")),
                new PriceBreak(10, new BigDecimal("8.50"))), HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_BREAKS_INVALID");
        assertProblem(() -> line("p-1", "10.00", "8.00", new PriceBreak(1, new BigDecimal("9.00"))),
                HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_BREAKS_INVALID");
        assertProblem(() -> line("p-1", "10.00", "8.00", new PriceBreak(10, new BigDecimal("7.99"))),
                HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_BREAK_BELOW_FLOOR");
        assertProblem(() -> new PriceListLine.Prices("p-1", "c-1", BigDecimal.ONE, BigDecimal.ONE, List.of()),
                HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_LINE_TARGET");
        assertProblem(() -> new PriceListLine.Prices(null, " ", BigDecimal.ONE, BigDecimal.ONE, List.of()),
                HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_LINE_TARGET");
        PriceList list = draft();
        assertProblem(() -> list.addLine(line("p-1", "5.00", "4.00"), ENTRY, NOW), HttpStatus.CONFLICT,
                "DUPLICATE_PRICE_LIST_LINE");
        assertProblem(() -> new PriceList.Header("X", "CNY", FROM, FROM.minusDays(1), PriceScope.ANY),
                HttpStatus.UNPROCESSABLE_CONTENT, "PRICE_LIST_VALIDITY");
    }
}
