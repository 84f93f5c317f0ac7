package io.channelops.sales.quote;

import static io.channelops.sales.quote.QuoteFixtures.line;
import static io.channelops.sales.quote.QuoteFixtures.today;
import static io.channelops.sales.quote.QuoteFixtures.uniqueCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Quotes through the API against the real database: pricing, approval, the customer's answer, versions, scope. */
@ServiceIntegrationTest
class QuoteApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private QuoteFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new QuoteFixtures(mvc, json, jdbc);
    }

    // --- pricing -------------------------------------------------------------------------------------------------

    @Test
    void pricesEachLineFromTheEffectivePriceListWithItsQuantityBreakFloorAndVat() throws Exception {
        var product = fixtures.product("Ball valve DN50", "100.00", "0.13");
        String listId = fixtures.priceList(product, "90.00", "80.00", "[{\"minQuantity\":10,\"price\":85.00}]");
        String customer = uniqueCustomer();

        mvc.perform(post("/api/v1/quotes").with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"customerId":"%s","lines":[%s,%s],"notes":"Site delivery","terms":"30 days net"}"""
                                .formatted(customer, line(product, 10, null, "5"), line(product, 1, null, null))))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/quotes/")))
                .andExpect(jsonPath("$.number").value(Matchers.matchesPattern("Q-" + today().getYear() + "-\\d{6}")))
                .andExpect(jsonPath("$.quoteVersion").value(1))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.currency").value("CNY"))
                .andExpect(jsonPath("$.quoteDate").value(today().toString()))
                .andExpect(jsonPath("$.validUntil").value(today().plusDays(30).toString()))
                .andExpect(jsonPath("$.ownerId").value(Callers.REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value(Callers.EAST_1))
                // 10 pieces: the break's 85.00, 5 % off → 80.75; net 807.50, VAT 13 % 104.975 → 104.98
                .andExpect(jsonPath("$.lines[0].lineNo").value(1))
                .andExpect(jsonPath("$.lines[0].sku").value(product.sku()))
                .andExpect(jsonPath("$.lines[0].productName").value("Ball valve DN50"))
                .andExpect(jsonPath("$.lines[0].priceSource").value("PRICE_LIST"))
                .andExpect(jsonPath("$.lines[0].priceListId").value(listId))
                .andExpect(jsonPath("$.lines[0].priceListLineId").isNotEmpty())
                .andExpect(jsonPath("$.lines[0].listPrice.amount").value(90.00))
                .andExpect(jsonPath("$.lines[0].listUnitPrice.amount").value(85.00))
                .andExpect(jsonPath("$.lines[0].floorPrice.amount").value(80.00))
                .andExpect(jsonPath("$.lines[0].breakMinQuantity").value(10))
                .andExpect(jsonPath("$.lines[0].requestedDiscountPercent").value(5))
                .andExpect(jsonPath("$.lines[0].unitPrice.amount").value(80.75))
                .andExpect(jsonPath("$.lines[0].discountPercent").value(5.00))
                .andExpect(jsonPath("$.lines[0].belowFloor").value(false))
                .andExpect(jsonPath("$.lines[0].vatRate").value(0.13))
                .andExpect(jsonPath("$.lines[0].netAmount.amount").value(807.50))
                .andExpect(jsonPath("$.lines[0].vatAmount.amount").value(104.98))
                // 1 piece: no break, the list's 90.00, nothing asked for
                .andExpect(jsonPath("$.lines[1].listUnitPrice.amount").value(90.00))
                .andExpect(jsonPath("$.lines[1].breakMinQuantity").doesNotExist())
                .andExpect(jsonPath("$.lines[1].unitPrice.amount").value(90.00))
                .andExpect(jsonPath("$.lines[1].discountPercent").value(0.00))
                .andExpect(jsonPath("$.lines[1].vatAmount.amount").value(11.70))
                .andExpect(jsonPath("$.listTotal.amount").value(940.00))
                .andExpect(jsonPath("$.netTotal.amount").value(897.50))
                .andExpect(jsonPath("$.vatTotal.amount").value(116.68))
                .andExpect(jsonPath("$.grossTotal.amount").value(1014.18))
                // (940 − 897.50) / 940 = 4.52 %
                .andExpect(jsonPath("$.discountPercent").value(4.52))
                .andExpect(jsonPath("$.notes").value("Site delivery"))
                .andExpect(jsonPath("$.approvals").isEmpty());
    }

    @Test
    void aProductWithoutPriceListIsQuotedAtItsListPriceWithoutFloor() throws Exception {
        var product = fixtures.product("Gate valve", "250.00", "0.09");
        JsonNode quote = fixtures.draft(Callers.REP_EAST_1, uniqueCustomer(), line(product, 3, "240.00", null));
        JsonNode line = quote.get("lines").get(0);
        assertThat(line.get("priceSource").asString()).isEqualTo("LIST_PRICE");
        assertThat(line.path("priceListId").isMissingNode()).isTrue();
        assertThat(line.path("floorPrice").isMissingNode()).isTrue();
        assertThat(line.get("listUnitPrice").get("amount").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(line.get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo("240.00");
        assertThat(line.get("discountPercent").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(line.get("vatAmount").get("amount").decimalValue()).isEqualByComparingTo("64.80");
    }

    @Test
    void refusesUnknownProductsOtherCurrenciesAndAPriceWithADiscount() throws Exception {
        var product = fixtures.product();
        String customer = uniqueCustomer();
        String unknown = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/quotes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","lines":[{"productId":"%s","quantity":1}]}""".formatted(customer, unknown)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_PRODUCT"));
        mvc.perform(post("/api/v1/quotes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","currency":"USD","lines":[%s]}""".formatted(customer,
                        line(product, 1, null, null))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("QUOTE_CURRENCY_MISMATCH"));
        mvc.perform(post("/api/v1/quotes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","lines":[%s]}""".formatted(customer, line(product, 1, "90.00", "5"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("QUOTE_LINE_PRICE_AND_DISCOUNT"));
        mvc.perform(post("/api/v1/quotes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"lines":[%s]}""".formatted(line(product, 1, null, null))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("QUOTE_CUSTOMER_REQUIRED"));
        mvc.perform(post("/api/v1/quotes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","lines":[{"productId":"%s","quantity":0,"discountPercent":101}]}"""
                        .formatted(customer, product.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(post("/api/v1/quotes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerId":"%s","status":"APPROVED"}""".formatted(customer)))
                .andExpect(status().isBadRequest());
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM quotes WHERE customer_id = ?", Long.class, customer);
        assertThat(stored).isZero();
    }

    // --- approval ------------------------------------------------------------------------------------------------

    @Test
    void aLineBelowItsFloorNeedsApprovalAndCannotBeAcceptedUntilApproved() throws Exception {
        var product = fixtures.product();
        fixtures.priceList(product, "100.00", "98.00", null);
        // 97.00 is 3 % off: within the rep's 10 %, but under the floor of 98.00
        JsonNode pending = fixtures.submitted(Callers.REP_EAST_1, uniqueCustomer(), line(product, 1, "97.00", null));
        String id = pending.get("id").asString();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.get("lines").get(0).get("belowFloor").asBoolean()).isTrue();
        assertThat(pending.get("approvalReasons").toString()).isEqualTo("[\"BELOW_FLOOR\"]");
        assertThat(pending.get("approvals").get(0).get("decision").asString()).isEqualTo("REQUESTED");
        assertThat(pending.get("approvals").get(0).get("by").asString()).isEqualTo(Callers.REP_EAST_1.id());

        // neither accepted nor sent while pending
        mvc.perform(post("/api/v1/quotes/" + id + "/accept").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("QUOTE_NOT_APPROVED"));
        mvc.perform(post("/api/v1/quotes/" + id + "/send").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        assertThat(fixtures.read(id).get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(fixtures.read(id).path("acceptedAt").isMissingNode()).isTrue();

        // a rep cannot approve at all
        mvc.perform(post("/api/v1/quotes/" + id + "/approve").with(Callers.REP_EAST_1_B.asCaller()))
                .andExpect(status().isForbidden());

        JsonNode approved = fixtures.action(Callers.MANAGER_EAST_1, id, "approve",
                "{\"note\":\"Key account, floor waived once\"}", 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        JsonNode decision = approved.get("approvals").get(1);
        assertThat(decision.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(decision.get("by").asString()).isEqualTo(Callers.MANAGER_EAST_1.id());
        assertThat(decision.get("note").asString()).isEqualTo("Key account, floor waived once");
        assertThat(decision.get("reasons").toString()).isEqualTo("[\"BELOW_FLOOR\"]");

        fixtures.action(Callers.REP_EAST_1, id, "send", null, 200);
        JsonNode accepted = fixtures.action(Callers.REP_EAST_1, id, "accept", null, 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("acceptedAt").isString()).isTrue();
    }

    @Test
    void aRejectedQuoteCannotBeAcceptedAndKeepsWhoRejectedItAndWhy() throws Exception {
        var product = fixtures.product();
        fixtures.priceList(product, "100.00", "98.00", null);
        String id = fixtures.submitted(Callers.REP_EAST_1, uniqueCustomer(), line(product, 1, "90.00", null))
                .get("id").asString();
        mvc.perform(post("/api/v1/quotes/" + id + "/reject").with(Callers.MANAGER_EAST.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        JsonNode rejected = fixtures.action(Callers.MANAGER_EAST, id, "reject",
                "{\"note\":\"Below floor: 5 % at most\"}", 200);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("approvals").get(1).get("decision").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("approvals").get(1).get("by").asString()).isEqualTo(Callers.MANAGER_EAST.id());
        assertThat(rejected.get("approvals").get(1).get("note").asString()).isEqualTo("Below floor: 5 % at most");

        mvc.perform(post("/api/v1/quotes/" + id + "/accept").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("QUOTE_NOT_APPROVED"));
        mvc.perform(post("/api/v1/quotes/" + id + "/approve").with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        JsonNode after = fixtures.read(id);
        assertThat(after.get("status").asString()).isEqualTo("REJECTED");
        assertThat(after.get("version").asLong()).isEqualTo(rejected.get("version").asLong());
    }

    @Test
    void theSubmitterCannotApproveOrRejectTheirOwnQuote() throws Exception {
        var product = fixtures.product();
        // 25 % off: over a manager's 20 %
        String id = fixtures.submitted(Callers.MANAGER_EAST_1, uniqueCustomer(), line(product, 4, null, "25"))
                .get("id").asString();
        assertThat(fixtures.read(id).get("status").asString()).isEqualTo("PENDING_APPROVAL");
        mvc.perform(post("/api/v1/quotes/" + id + "/approve").with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SAME_PERSON_STEP"));
        mvc.perform(post("/api/v1/quotes/" + id + "/reject").with(Callers.MANAGER_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"no\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SAME_PERSON_STEP"));
        assertThat(fixtures.read(id).get("status").asString()).isEqualTo("PENDING_APPROVAL");
        // the region's manager may
        assertThat(fixtures.action(Callers.MANAGER_EAST, id, "approve", null, 200).get("status").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aDiscountOverTheRepsLimitNeedsApprovalAndOneWithinItIsApprovedOnSubmit() throws Exception {
        var product = fixtures.product();
        JsonNode over = fixtures.submitted(Callers.REP_EAST_1, uniqueCustomer(), line(product, 1, "89.99", null));
        assertThat(over.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(over.get("approvalReasons").toString()).isEqualTo("[\"DISCOUNT_OVER_LIMIT\"]");
        assertThat(over.get("approvals").get(0).get("discountPercent").decimalValue()).isEqualByComparingTo("10.01");
        assertThat(over.get("approvals").get(0).get("discountLimit").decimalValue()).isEqualByComparingTo("10");

        JsonNode within = fixtures.submitted(Callers.REP_EAST_1, uniqueCustomer(), line(product, 1, null, "10"));
        assertThat(within.get("status").asString()).isEqualTo("APPROVED");
        assertThat(within.get("approvalReasons").isEmpty()).isTrue();
        assertThat(within.get("approvals").get(0).get("decision").asString()).isEqualTo("AUTO_APPROVED");
        assertThat(within.get("approvals").get(0).get("by").asString()).isEqualTo(Callers.REP_EAST_1.id());

        // the same 15 % needs approval from a rep but not from a manager (limit 20 %)
        assertThat(fixtures.submitted(Callers.REP_EAST_1, uniqueCustomer(), line(product, 2, null, "15"))
                .get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(fixtures.submitted(Callers.MANAGER_EAST_1, uniqueCustomer(), line(product, 2, null, "15"))
                .get("status").asString()).isEqualTo("APPROVED");
    }

    // --- life cycle ----------------------------------------------------------------------------------------------

    @Test
    void illegalTransitionsAnswerProblemsAndChangeNothing() throws Exception {
        var product = fixtures.product();
        JsonNode draft = fixtures.draft(Callers.REP_EAST_1, uniqueCustomer(), line(product, 1, null, null));
        String id = draft.get("id").asString();
        for (String action : List.of("send", "accept", "revise")) {
            int expected = action.equals("accept") ? 422 : 409;
            mvc.perform(post("/api/v1/quotes/" + id + "/" + action).with(Callers.REP_EAST_1.asCaller()))
                    .andExpect(status().is(expected))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/quotes/" + id + "/approve").with(Callers.MANAGER_EAST_1.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(post("/api/v1/quotes/" + id + "/decline").with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"too dear\"}"))
                .andExpect(status().isConflict());
        assertThat(fixtures.read(id).get("version").asLong()).isZero();

        fixtures.action(Callers.REP_EAST_1, id, "submit", null, 200);
        mvc.perform(post("/api/v1/quotes/" + id + "/submit").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        mvc.perform(patch("/api/v1/quotes/" + id).with(Callers.REP_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"notes\":\"late change\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_STATE_TRANSITION"));
        assertThat(fixtures.read(id).path("notes").isMissingNode()).isTrue();
    }

    @Test
    void aDraftIsChangedWithItsETagAndRepricedLines() throws Exception {
        var product = fixtures.product();
        String id = fixtures.draft(Callers.REP_EAST_1, uniqueCustomer(), line(product, 1, null, null))
                .get("id").asString();
        String change = "{\"lines\":[" + line(product, 5, null, "2") + "],\"terms\":\"Prepayment\",\"validUntil\":\""
                + today().plusDays(10) + "\"}";
        mvc.perform(patch("/api/v1/quotes/" + id).with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(patch("/api/v1/quotes/" + id).with(Callers.REP_EAST_1.asCaller()).header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(patch("/api/v1/quotes/" + id).with(Callers.REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].quantity").value(5))
                .andExpect(jsonPath("$.lines[0].unitPrice.amount").value(98.00))
                .andExpect(jsonPath("$.netTotal.amount").value(490.00))
                .andExpect(jsonPath("$.terms").value("Prepayment"))
                .andExpect(jsonPath("$.validUntil").value(today().plusDays(10).toString()));
        mvc.perform(patch("/api/v1/quotes/" + id).with(Callers.REP_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validUntil\":\"" + today().minusDays(1) + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("QUOTE_VALIDITY"));
    }

    @Test
    void aRevisionIsANewVersionOfTheSameNumberAndSupersedesTheOld() throws Exception {
        var product = fixtures.product();
        String customer = uniqueCustomer();
        JsonNode first = fixtures.submitted(Callers.REP_EAST_1, customer, line(product, 3, null, "12"));
        String firstId = first.get("id").asString();
        String number = first.get("number").asString();

        JsonNode second = fixtures.action(Callers.REP_EAST_1, firstId, "revise", null, 201);
        String secondId = second.get("id").asString();
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(second.get("number").asString()).isEqualTo(number);
        assertThat(second.get("quoteVersion").asInt()).isEqualTo(2);
        assertThat(second.get("status").asString()).isEqualTo("DRAFT");
        assertThat(second.get("revisedFrom").asString()).isEqualTo(firstId);
        assertThat(second.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(second.get("lines").get(0).get("requestedDiscountPercent").decimalValue())
                .isEqualByComparingTo("12");
        assertThat(second.get("lines").get(0).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("88.00");
        assertThat(second.get("approvals").isEmpty()).isTrue();

        JsonNode old = fixtures.read(firstId);
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("supersededBy").asString()).isEqualTo(secondId);
        mvc.perform(post("/api/v1/quotes/" + firstId + "/revise").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/quotes/" + secondId + "/revise").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isConflict());

        for (String id : List.of(firstId, secondId)) {
            mvc.perform(get("/api/v1/quotes/" + id + "/versions").with(Callers.REP_EAST_1.asCaller()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.number").value(number))
                    .andExpect(jsonPath("$.versions[*].id").value(Matchers.contains(firstId, secondId)))
                    .andExpect(jsonPath("$.versions[*].quoteVersion").value(Matchers.contains(1, 2)))
                    .andExpect(jsonPath("$.versions[*].status").value(Matchers.contains("SUPERSEDED", "DRAFT")));
        }
        // the list shows the current version unless every version is asked for
        mvc.perform(get("/api/v1/quotes").param("customerId", customer))
                .andExpect(jsonPath("$.content[*].id").value(Matchers.contains(secondId)));
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).param("allVersions", "true"))
                .andExpect(jsonPath("$.content.length()").value(2));
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).param("status", "SUPERSEDED"))
                .andExpect(jsonPath("$.content[*].id").value(Matchers.contains(firstId)));
    }

    @Test
    void aSentQuotePastItsValidityExpiresAndCannotBeAccepted() throws Exception {
        var product = fixtures.product();
        String read = fixtures.sent(Callers.REP_EAST_1, product);
        String accepted = fixtures.sent(Callers.REP_EAST_1, product);
        String listed = fixtures.sent(Callers.REP_EAST_1, product);
        String valid = fixtures.sent(Callers.REP_EAST_1, product);
        // a month goes by: their validity ended yesterday
        for (String id : List.of(read, accepted, listed)) {
            jdbc.update("UPDATE quotes SET quote_date = ?, valid_until = ? WHERE id = ?", today().minusDays(31),
                    today().minusDays(1), id);
        }

        // on read
        mvc.perform(get("/api/v1/quotes/" + read)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXPIRED")).andExpect(jsonPath("$.expiredAt").isNotEmpty());
        // on accept: 422, and it stays expired
        mvc.perform(post("/api/v1/quotes/" + accepted + "/accept").with(Callers.REP_EAST_1.asCaller())
                        .header("If-Match", "\"2\""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("QUOTE_EXPIRED"));
        assertThat(jdbc.queryForObject("SELECT status FROM quotes WHERE id = ?", String.class, accepted))
                .isEqualTo("EXPIRED");
        mvc.perform(post("/api/v1/quotes/" + read + "/accept").with(Callers.REP_EAST_1.asCaller()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("QUOTE_EXPIRED"));
        // on listing
        mvc.perform(get("/api/v1/quotes").param("status", "EXPIRED").param("size", "200")
                        .param("ownerId", Callers.REP_EAST_1.id()).param("sort", "updatedAt,desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(Matchers.hasItem(listed)));
        assertThat(jdbc.queryForObject("SELECT status FROM quotes WHERE id = ?", String.class, listed))
                .isEqualTo("EXPIRED");
        assertThat(fixtures.read(valid).get("status").asString()).isEqualTo("SENT");

        // an expired quote can be revised into a new offer
        JsonNode next = fixtures.action(Callers.REP_EAST_1, read, "revise", null, 201);
        assertThat(next.get("validUntil").asString()).isEqualTo(today().plusDays(30).toString());
    }

    @Test
    void listsFilterByStatusOwnerOpportunityValidityAndText() throws Exception {
        var product = fixtures.product();
        String customer = uniqueCustomer();
        JsonNode mine = fixtures.draft(Callers.REP_EAST_1, customer, line(product, 1, null, null));
        JsonNode theirs = fixtures.submitted(Callers.REP_EAST_1_B, customer, line(product, 1, null, null));
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).param("status", "APPROVED"))
                .andExpect(jsonPath("$.content[*].id").value(Matchers.contains(theirs.get("id").asString())));
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).param("ownerId", Callers.REP_EAST_1.id()))
                .andExpect(jsonPath("$.content[*].id").value(Matchers.contains(mine.get("id").asString())));
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).param("q", mine.get("number").asString()))
                .andExpect(jsonPath("$.content[*].id").value(Matchers.contains(mine.get("id").asString())));
        mvc.perform(get("/api/v1/quotes").param("customerId", customer)
                        .param("validOn", today().plusDays(31).toString()))
                .andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).param("validOn", today().toString()))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        // each rep sees their own
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(Matchers.contains(mine.get("id").asString())));
        mvc.perform(get("/api/v1/quotes").param("customerId", customer).with(Callers.MANAGER_WEST.asCaller()))
                .andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get("/api/v1/quotes").param("sort", "discount")).andExpect(status().isBadRequest());
    }

    // --- opportunities -------------------------------------------------------------------------------------------

    @Test
    void aQuoteFromAnOpportunityTakesItsCustomerOwnerAndProducts() throws Exception {
        var product = fixtures.product();
        String customer = uniqueCustomer();
        String opportunity = fixtures.opportunity(Callers.REP_EAST_1, customer, product, 7);

        // made by the rep's manager, it still belongs to the rep who owns the deal
        JsonNode quote = fixtures.send(Callers.MANAGER_EAST_1, "/api/v1/quotes",
                "{\"opportunityId\":\"" + opportunity + "\"}", 201);
        assertThat(quote.get("opportunityId").asString()).isEqualTo(opportunity);
        assertThat(quote.get("customerId").asString()).isEqualTo(customer);
        assertThat(quote.get("ownerId").asString()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(quote.get("orgPath").asString()).isEqualTo(Callers.EAST_1);
        assertThat(quote.get("createdBy").asString()).isEqualTo(Callers.MANAGER_EAST_1.id());
        assertThat(quote.get("lines").get(0).get("productId").asString()).isEqualTo(product.id());
        assertThat(quote.get("lines").get(0).get("quantity").asInt()).isEqualTo(7);
        mvc.perform(get("/api/v1/quotes").param("opportunityId", opportunity).with(Callers.REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.content[*].id").value(Matchers.contains(quote.get("id").asString())));

        // an opportunity the caller cannot see, or of another customer
        for (var caller : List.of(Callers.REP_WEST_1, Callers.REP_EAST_1_B, Callers.MANAGER_WEST)) {
            mvc.perform(post("/api/v1/quotes").with(caller.asCaller()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"opportunityId\":\"" + opportunity + "\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("UNKNOWN_OPPORTUNITY"));
        }
        mvc.perform(post("/api/v1/quotes").with(Callers.REP_EAST_1.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opportunityId\":\"" + opportunity + "\",\"customerId\":\"other\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CUSTOMER_MISMATCH"));
    }

    // --- scope, numbering, idempotency ---------------------------------------------------------------------------

    @Test
    void aRepSeesOwnQuotesAManagerThoseOfTheirSubtreeAndOthersGet404() throws Exception {
        var product = fixtures.product();
        String id = fixtures.draft(Callers.REP_EAST_1, uniqueCustomer(), line(product, 1, null, null))
                .get("id").asString();
        for (var caller : List.of(Callers.REP_EAST_1, Callers.MANAGER_EAST_1, Callers.MANAGER_EAST,
                Callers.DIRECTOR, Callers.AUDITOR, Callers.FINANCE)) {
            mvc.perform(get("/api/v1/quotes/" + id).with(caller.asCaller())).andExpect(status().isOk());
        }
        for (var caller : List.of(Callers.REP_EAST_1_B, Callers.REP_WEST_1, Callers.MANAGER_EAST_2,
                Callers.MANAGER_WEST)) {
            mvc.perform(get("/api/v1/quotes/" + id).with(caller.asCaller()))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
            mvc.perform(get("/api/v1/quotes/" + id + "/pdf").with(caller.asCaller()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/v1/quotes/" + id + "/submit").with(Callers.REP_EAST_1_B.asCaller()))
                .andExpect(status().isNotFound());
        assertThat(fixtures.read(id).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void quotesCreatedAtTheSameTimeGetDistinctNumbers() throws Exception {
        var product = fixtures.product();
        String customer = uniqueCustomer();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> creates = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                creates.add(() -> fixtures.draft(Callers.REP_EAST_1, customer, line(product, 1, null, null))
                        .get("number").asString());
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> number : pool.invokeAll(creates)) {
                numbers.add(number.get());
            }
            assertThat(numbers).hasSize(12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstQuote() throws Exception {
        var product = fixtures.product();
        String customer = uniqueCustomer();
        String body = "{\"customerId\":\"" + customer + "\",\"lines\":[" + line(product, 1, null, null) + "]}";
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(post("/api/v1/quotes").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/v1/quotes").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(second).get("id").asString()).isEqualTo(json.readTree(first).get("id").asString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quotes WHERE customer_id = ?", Long.class, customer))
                .isEqualTo(1);
    }

    @Test
    void publishesEveryQuoteEndpointWithExamplesInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/quotes'].post.summary").value("Create a quote"))
                .andExpect(jsonPath("$.paths['/api/v1/quotes'].post.responses['201'].content['application/json']"
                        + ".examples.created.value.number").value("Q-2026-000123"))
                .andExpect(jsonPath("$.paths['/api/v1/quotes'].get.parameters[?(@.name == 'validOn')]").exists())
                .andExpect(jsonPath("$.paths['/api/v1/quotes/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/quotes/{id}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/quotes/{id}/accept'].post.responses['422']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/quotes/{id}/approve'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/quotes/{id}/revise'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/quotes/{id}/versions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/quotes/{id}/pdf'].get.responses['200'].content['application/pdf']")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.QuoteRequest.example").exists());
    }
}
