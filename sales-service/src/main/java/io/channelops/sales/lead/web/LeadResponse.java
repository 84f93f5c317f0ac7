package io.channelops.sales.lead.web;

import io.channelops.sales.customerclient.CustomerGateway;
import io.channelops.sales.lead.DisqualificationReason;
import io.channelops.sales.lead.Lead;
import io.channelops.sales.lead.LeadSource;
import io.channelops.sales.lead.LeadStatus;
import io.channelops.sales.scoring.Band;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lead as the API shows it. Owner, org path, status, score, band, duplicate check and conversion ids are
 * read-only: the server sets them.
 *
 * @param queued true while the lead waits in the queue (owner {@code pool}, org path = the queue's team or region)
 * @param duplicateCheck CHECKED (customer-service was asked), UNAVAILABLE (it could not answer; the lead was
 *     captured anyway) or NOT_PERMITTED (the caller may not read customers)
 * @param possibleDuplicates customers that look like this lead's company (by name or phone), from the check at
 *     capture; a lead for an existing customer is allowed
 */
@Schema(example = """
        {"id": "5f0c8a7e-9a53-4a3e-b7f4-2f1d0c9e8b11", "source": "TRADE_SHOW", "campaign": "CIIE-2026",
         "company": "Acme Trading (Shanghai)",
         "contact": {"name": "Li Wei", "title": "Head of Purchasing", "phone": "+86 21 5555 0100",
                     "email": "li.wei@acme.example"},
         "need": "40 pallet racks for a new warehouse", "budget": {"amount": 250000.00, "currency": "CNY"},
         "expectedPurchaseDate": "2026-09-14", "timelineMonths": 3, "regionCode": "EAST", "status": "NEW",
         "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1", "queued": false, "score": 45, "band": "WARM",
         "scoredAt": "2026-06-14T08:30:00Z", "duplicateCheck": "CHECKED",
         "possibleDuplicates": [{"id": "c1d2e3f4-0000-4000-8000-000000000001", "code": "C-7K2M9QXA",
                                 "name": "Acme Trading (Shanghai)", "matchedOn": "NAME"}],
         "createdBy": "u-rep-east1-a", "createdAt": "2026-06-14T08:30:00Z", "updatedAt": "2026-06-14T08:30:00Z",
         "version": 0}""")
public record LeadResponse(String id, LeadSource source, @Nullable String campaign, String company, Contact contact,
        @Nullable String need, @Nullable LeadMoney budget, @Nullable LocalDate expectedPurchaseDate,
        @Nullable Integer timelineMonths, String regionCode, LeadStatus status,
        @Nullable DisqualificationReason disqualifyReason, @Nullable String disqualifyNote,
        String ownerId, String orgPath, boolean queued, int score, Band band, Instant scoredAt,
        String duplicateCheck, List<PossibleDuplicate> possibleDuplicates, @Nullable String customerId,
        @Nullable String contactId, @Nullable String opportunityId, @Nullable Instant qualifiedAt,
        @Nullable Instant closedAt, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    /** The lead's contact person. */
    public record Contact(String name, @Nullable String title, @Nullable String phone, @Nullable String email) {
    }

    /** A customer in customer-service that may be the same company. {@code matchedOn}: NAME or PHONE. */
    public record PossibleDuplicate(String customerId, @Nullable String code, @Nullable String name,
            String matchedOn) {
    }

    static LeadResponse of(Lead lead, List<CustomerGateway.CustomerMatch> duplicates) {
        return new LeadResponse(lead.id(), lead.source(), lead.campaign(), lead.company(),
                new Contact(lead.contactName(), lead.contactTitle(), lead.contactPhone(), lead.contactEmail()),
                lead.need(), LeadMoney.of(lead.budget()), lead.expectedPurchaseDate(), lead.timelineMonths(),
                lead.regionCode(), lead.status(), lead.disqualifyReason(), lead.disqualifyNote(),
                lead.ownership().ownerId(), lead.ownership().orgPath(), lead.queued(), lead.score(), lead.band(),
                lead.scoredAt(), lead.duplicateCheck(), duplicates.stream().map(match -> new PossibleDuplicate(
                        match.id(), match.code(), match.name(), match.matchedOn())).toList(),
                lead.customerId(), lead.contactId(), lead.opportunityId(), lead.qualifiedAt(), lead.closedAt(),
                lead.createdBy(), lead.createdAt(), lead.updatedAt(), lead.version());
    }
}
