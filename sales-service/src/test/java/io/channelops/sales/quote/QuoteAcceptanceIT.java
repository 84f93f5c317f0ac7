package io.channelops.sales.quote;

import static io.channelops.sales.quote.QuoteFixtures.line;
import static io.channelops.sales.quote.QuoteFixtures.today;
import static io.channelops.sales.quote.QuoteFixtures.uniqueCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.events.Topics;
import io.channelops.events.sales.QuoteAccepted;
import io.channelops.events.sales.QuoteLine;
import io.channelops.platform.outbox.CloudEvents;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.EventProbe;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an accepted quote publishes, and the PDF a quote is rendered as. */
@ServiceIntegrationTest
class QuoteAcceptanceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

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

    @Test
    void acceptingPublishesQuoteAcceptedWithTheAgreedAndListUnitPricesOfEveryLine() {
        var pump = fixtures.product("Pump", "100.00", "0.13");
        fixtures.priceList(pump, "95.00", "80.00", "[{\"minQuantity\":10,\"price\":90.00}]");
        var seal = fixtures.product("Seal kit", "12.50", "0.13");
        String customer = uniqueCustomer();
        String opportunity = fixtures.opportunity(Callers.REP_EAST_1, customer, pump, 10);
        JsonNode draft = fixtures.send(Callers.REP_EAST_1, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[%s,%s]}""".formatted(opportunity, line(pump, 10, "85.00", null),
                line(seal, 4, null, null)), 201);
        String id = draft.get("id").asString();
        fixtures.action(Callers.REP_EAST_1, id, "submit", null, 200);
        fixtures.action(Callers.REP_EAST_1, id, "send", null, 200);
        JsonNode accepted = fixtures.action(Callers.REP_EAST_1, id, "accept", null, 200);

        ConsumerRecord<String, String> record = EventProbe.await(Topics.QUOTES, r -> id.equals(r.key()), TIMEOUT);
        assertThat(EventProbe.header(record, CloudEvents.TYPE)).contains("QuoteAccepted");
        QuoteAccepted event = EventProbe.payload(record, QuoteAccepted.class);
        assertThat(event.quoteId()).isEqualTo(id);
        assertThat(event.quoteNumber()).isEqualTo(draft.get("number").asString());
        assertThat(event.quoteVersion()).isEqualTo(1);
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(event.opportunityId()).isEqualTo(opportunity);
        assertThat(event.ownerId()).isEqualTo(Callers.REP_EAST_1.id());
        assertThat(event.orgPath()).isEqualTo(Callers.EAST_1);
        assertThat(event.validUntil()).isEqualTo(today().plusDays(30));
        assertThat(event.acceptedAt().toString()).isEqualTo(accepted.get("acceptedAt").asString());
        // 10 × 85.00 + 4 × 12.50, without VAT
        assertThat(event.total().amount()).isEqualByComparingTo("900.00");
        assertThat(event.total().currency()).isEqualTo("CNY");
        List<QuoteLine> lines = event.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).lineNo()).isEqualTo(1);
        assertThat(lines.get(0).productId()).isEqualTo(pump.id());
        assertThat(lines.get(0).sku()).isEqualTo(pump.sku());
        assertThat(lines.get(0).quantity()).isEqualTo(10);
        assertThat(lines.get(0).unitPrice()).isEqualByComparingTo("85.00");
        assertThat(lines.get(0).listUnitPrice()).isEqualByComparingTo("90.00");
        assertThat(lines.get(1).lineNo()).isEqualTo(2);
        assertThat(lines.get(1).productId()).isEqualTo(seal.id());
        assertThat(lines.get(1).unitPrice()).isEqualByComparingTo("12.50");
        assertThat(lines.get(1).listUnitPrice()).isEqualByComparingTo("12.50");
    }

    @Test
    void aQuoteWithoutOpportunityPublishesAnEmptyOpportunityIdAndNothingBeforeAcceptance() {
        var product = fixtures.product();
        String declined = fixtures.sent(Callers.REP_EAST_1, product);
        fixtures.action(Callers.REP_EAST_1, declined, "decline", "{\"reason\":\"Too late\"}", 200);
        String id = fixtures.sent(Callers.REP_EAST_1, product);
        fixtures.action(Callers.REP_EAST_1, id, "accept", null, 200);

        QuoteAccepted event = EventProbe.payload(EventProbe.await(Topics.QUOTES, r -> id.equals(r.key()), TIMEOUT),
                QuoteAccepted.class);
        assertThat(event.opportunityId()).isEmpty();
        // the outbox holds the accepted quote's event and nothing for the declined one
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE message_key = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE message_key = ?", Long.class,
                declined)).isZero();
        assertThat(fixtures.read(declined).get("declineReason").asString()).isEqualTo("Too late");
    }

    @Test
    void rendersAQuoteAsAPdfWithItsNumberLinesAndTotals() throws Exception {
        var product = fixtures.product("Butterfly valve DN80", "1280.50", "0.13");
        JsonNode quote = fixtures.draft(Callers.REP_EAST_1, uniqueCustomer(), line(product, 3, null, "5"));
        String id = quote.get("id").asString();
        String number = quote.get("number").asString();

        byte[] pdf = mvc.perform(get("/api/v1/quotes/" + id + "/pdf").with(Callers.REP_EAST_1.asCaller())
                        .accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"" + number + "-v1.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            // a long SKU may wrap in its cell
            assertThat(text.replace("\n", "")).contains(product.sku());
            assertThat(text).contains("Quote " + number, "Butterfly valve DN80",
                    quote.get("customerId").asString(), "DRAFT", "not an approved offer",
                    // 1,280.50 − 5 % = 1,216.48; × 3 = 3,649.44; VAT 474.43; gross 4,123.87
                    "1,216.48", "3,649.44", "474.43", "4,123.87");
        } finally {
            reader.close();
        }
        // the JSON clients of the access matrix get the PDF too
        mvc.perform(get("/api/v1/quotes/" + id + "/pdf").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE));
    }
}
