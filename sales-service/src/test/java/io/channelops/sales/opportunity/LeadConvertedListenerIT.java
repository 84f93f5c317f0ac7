package io.channelops.sales.opportunity;

import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Callers;
import io.channelops.sales.lead.LeadConversionOpportunity;
import io.channelops.sales.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leads feature converts a lead and raises {@link LeadConversionOpportunity} in-process inside its transaction;
 * here the test raises it the same way, inside a transaction, and checks the opportunity it opens.
 */
@PipelineIntegrationTest
class LeadConvertedListenerIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PipelineClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A conversion that gave no amount and no expected close date: the pipeline's defaults apply. */
    private LeadConversionOpportunity conversion(String opportunityId, String leadId, Instant at) {
        return new LeadConversionOpportunity(opportunityId, leadId, "cust-" + leadId, "contact-" + leadId,
                "From lead " + leadId, null, null, REP_EAST_1.id(), REP_EAST_1.orgPath(), "u-manager-east1", at);
    }

    private void convertInATransaction(LeadConversionOpportunity event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    @Test
    void opensTheOpportunityTheEventNamesForTheLeadsOwnerInTheFirstOpenStage() throws Exception {
        Instant at = Instant.parse("2021-07-01T10:00:00Z");
        clock.set(at);
        String opportunityId = UUID.randomUUID().toString();
        String leadId = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        convertInATransaction(conversion(opportunityId, leadId, at));

        mvc.perform(get("/api/v1/opportunities/" + opportunityId).with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(opportunityId))
                .andExpect(jsonPath("$.name").value("From lead " + leadId))
                .andExpect(jsonPath("$.customerId").value("cust-" + leadId))
                .andExpect(jsonPath("$.amount.amount").value(0))
                .andExpect(jsonPath("$.amount.currency").value("CNY"))
                .andExpect(jsonPath("$.expectedCloseDate").value("2021-09-29"))
                .andExpect(jsonPath("$.stage").value("PROSPECTING"))
                .andExpect(jsonPath("$.probability").value(10))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.sourceLeadId").value(leadId))
                .andExpect(jsonPath("$.ownerId").value(REP_EAST_1.id()))
                .andExpect(jsonPath("$.orgPath").value(REP_EAST_1.orgPath()))
                .andExpect(jsonPath("$.createdBy").value("u-manager-east1"))
                .andExpect(jsonPath("$.createdAt").value("2021-07-01T10:00:00Z"));
        mvc.perform(get("/api/v1/opportunities/" + opportunityId + "/history").with(REP_EAST_1.asCaller()))
                .andExpect(jsonPath("$.changes.length()").value(1))
                .andExpect(jsonPath("$.changes[0].toStage").value("PROSPECTING"))
                .andExpect(jsonPath("$.changes[0].changedBy").value("u-manager-east1"));
        // the lead's owner's colleague does not see it
        mvc.perform(get("/api/v1/opportunities/" + opportunityId).with(Callers.REP_EAST_1_B.asCaller()))
                .andExpect(status().isNotFound());
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE message_key = ? AND event_type LIKE ?",
                opportunityId, "%OpportunityStageChanged")).isEqualTo(1);
    }

    @Test
    void takesNameAmountAndExpectedCloseFromTheConversionWhenGiven() throws Exception {
        String opportunityId = UUID.randomUUID().toString();
        String leadId = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        convertInATransaction(new LeadConversionOpportunity(opportunityId, leadId, "cust-" + leadId,
                "contact-" + leadId, "Acme — 40 tea machines", new Money(new BigDecimal("48000.00"), "CNY"),
                LocalDate.parse("2031-03-31"), REP_EAST_1.id(), REP_EAST_1.orgPath(), "u-manager-east1",
                Instant.now()));

        mvc.perform(get("/api/v1/opportunities/" + opportunityId).with(REP_EAST_1.asCaller()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme — 40 tea machines"))
                .andExpect(jsonPath("$.amount.amount").value(48000.00))
                .andExpect(jsonPath("$.amount.currency").value("CNY"))
                .andExpect(jsonPath("$.expectedCloseDate").value("2031-03-31"));
    }

    @Test
    void theSameConversionTwiceOpensOneOpportunity() {
        String opportunityId = UUID.randomUUID().toString();
        LeadConversionOpportunity event = conversion(opportunityId, "lead-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now());
        convertInATransaction(event);
        convertInATransaction(event);
        assertThat(count("SELECT COUNT(*) FROM opportunities WHERE id = ?", opportunityId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM opportunity_stage_changes WHERE opportunity_id = ?", opportunityId))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE message_key = ? AND event_type LIKE ?",
                opportunityId, "%OpportunityStageChanged")).isEqualTo(1);
    }

    @Test
    void aConversionThatRollsBackLeavesNoOpportunity() {
        String opportunityId = UUID.randomUUID().toString();
        LeadConversionOpportunity event = conversion(opportunityId, "lead-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now());
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(event);
            assertThat(count("SELECT COUNT(*) FROM opportunities WHERE id = ?", opportunityId))
                    .as("opened inside the conversion's transaction").isEqualTo(1);
            tx.setRollbackOnly();
        });
        assertThat(count("SELECT COUNT(*) FROM opportunities WHERE id = ?", opportunityId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM opportunity_stage_changes WHERE opportunity_id = ?", opportunityId))
                .isZero();
    }
}
