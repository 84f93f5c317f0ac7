package io.channelops.sales.lead;

import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.security.DataScope;
import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.customerclient.ContactRegistration;
import io.channelops.sales.customerclient.CustomerGateway;
import io.channelops.sales.customerclient.CustomerRegistration;
import io.channelops.sales.money.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts a QUALIFIED lead: creates the customer, then its contact, in customer-service (the caller's token
 * relayed, Idempotency-Keys {@code lead-<id>-customer} and {@code lead-<id>-contact}), then in ONE local
 * transaction marks the lead CONVERTED and raises {@link LeadConversionOpportunity} and {@code LeadConverted} with
 * a pre-generated opportunity id.
 *
 * <p>Progress is kept in {@code lead_conversions}: the exact bodies sent (a retry sends the same bytes with the same
 * key, so customer-service answers the first result instead of creating a second customer), the customer and contact
 * ids once created (a retry continues with the contact rather than creating another customer), and who made an
 * attempt whose outcome is unknown (a read timeout: customer-service keeps Idempotency-Keys per caller, so only that
 * caller's retry is safe; others get 409 LEAD_CONVERSION_PENDING). A failure leaves the lead QUALIFIED and answers
 * 503 DEPENDENCY_UNAVAILABLE (unreachable, timeout, circuit open, 503), 502 UPSTREAM_FAILED (another 5xx), or
 * customer-service's own problem code with 409 (a conflict such as a taken customer code) or 422 (a validation
 * failure).
 */
@Service
public class LeadConversionService {

    /** The customer type of a converted lead unless the converter names another. */
    public static final String DEFAULT_CUSTOMER_TYPE = "DIRECT";

    private static final Logger log = LoggerFactory.getLogger(LeadConversionService.class);
    private static final String DEPENDENCY = "customer-service";

    private final Leads leads;
    private final LeadService leadService;
    private final CustomerGateway customers;
    private final DataScope scope;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final LeadsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeadConversionService(Leads leads, LeadService leadService, CustomerGateway customers, DataScope scope,
            JdbcTemplate jdbc, JsonMapper json, LeadsProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.leads = leads;
        this.leadService = leadService;
        this.customers = customers;
        this.scope = scope;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Customer fields that replace what the lead says; null keeps the lead's value. */
    public record CustomerFields(@Nullable String code, @Nullable String name, @Nullable String type,
            @Nullable String regionCode, @Nullable String email) {
    }

    /** Contact fields that replace what the lead says; null keeps the lead's value. */
    public record ContactFields(@Nullable String name, @Nullable String title, @Nullable String phone,
            @Nullable String email, @Nullable String role) {
    }

    /** The opportunity to open; the expected close date defaults to the lead's expected purchase date. */
    public record OpportunityFields(String name, @Nullable Money amount, @Nullable LocalDate expectedCloseDate) {
    }

    /** What the converter asks for. */
    public record Conversion(@Nullable CustomerFields customer, @Nullable ContactFields contact,
            OpportunityFields opportunity) {
    }

    /** Progress of one lead's conversion, as stored. */
    private record Progress(String leadId, String opportunityId, CustomerRegistration customer,
            ContactRegistration contact, @Nullable String customerId, @Nullable String contactId) {
    }

    public Lead convert(String leadId, Conversion conversion) {
        CurrentUser caller = scope.caller();
        Progress progress = begin(leadId, conversion, caller);
        try {
            String customerId = progress.customerId();
            if (customerId == null) {
                customerId = created(leadId, "customer_id", customers.registerCustomer(key(leadId, "customer"),
                        progress.customer()), caller);
            }
            String contactId = progress.contactId();
            if (contactId == null) {
                contactId = created(leadId, "contact_id", customers.addContact(customerId, key(leadId, "contact"),
                        progress.contact()), caller);
            }
            String customer = customerId;
            String contact = contactId;
            return transaction.execute(status -> {
                Lead lead = leadService.writable(leads.findLocked(leadId), leadId);
                Instant now = now();
                OpportunityFields opportunity = conversion.opportunity();
                lead.convert(customer, contact, progress.opportunityId(), opportunity.name().strip(),
                        opportunity.amount(), opportunity.expectedCloseDate(), caller.id(), now);
                Lead saved = leads.saveAndFlush(lead);
                jdbc.update("UPDATE lead_conversions SET completed_at = ?, lease_until = NULL, updated_at = ? "
                        + "WHERE lead_id = ?", Timestamp.from(now), Timestamp.from(now), leadId);
                return saved;
            });
        }
        catch (RuntimeException ex) {
            release(leadId);
            throw ex;
        }
    }

    /** Checks the lead, then stores or continues its conversion and takes the lease on it. */
    private Progress begin(String leadId, Conversion conversion, CurrentUser caller) {
        return transaction.execute(status -> {
            Lead lead = leadService.writable(leads.findLocked(leadId), leadId);
            lead.requireConvertible();
            Instant now = now();
            Optional<StoredRow> stored = jdbc.query("""
                    SELECT opportunity_id, customer_request, contact_request, customer_id, contact_id, uncertain_by,
                           lease_until FROM lead_conversions WHERE lead_id = ?""", (rs, n) -> new StoredRow(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), leadId)
                    .stream().findFirst();
            CustomerRegistration customer = customerRequest(lead, conversion.customer());
            ContactRegistration contact = contactRequest(lead, conversion.contact());
            Instant lease = now.plus(properties.conversionLease());
            if (stored.isEmpty()) {
                String opportunityId = UUID.randomUUID().toString();
                jdbc.update("""
                        INSERT INTO lead_conversions (lead_id, opportunity_id, customer_request, contact_request,
                                                      lease_until, attempts, started_by, started_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)""", leadId, opportunityId,
                        json.writeValueAsString(customer), json.writeValueAsString(contact), Timestamp.from(lease),
                        caller.id(), Timestamp.from(now), Timestamp.from(now));
                return new Progress(leadId, opportunityId, customer, contact, null, null);
            }
            StoredRow row = stored.get();
            if (row.leaseUntil() != null && row.leaseUntil().isAfter(now)) {
                throw ApiProblem.conflict("LEAD_CONVERSION_IN_PROGRESS", "Lead " + leadId
                        + " is being converted by another request; try again shortly", leadId);
            }
            if (row.uncertainBy() != null && !row.uncertainBy().equals(caller.id())) {
                throw ApiProblem.conflict("LEAD_CONVERSION_PENDING", "The last conversion attempt of lead " + leadId
                        + " by " + row.uncertainBy() + " got no answer from customer-service; " + row.uncertainBy()
                        + " must retry it so that no second record is created", leadId, row.uncertainBy());
            }
            // a step not yet sent, or refused for sure, may take the retry's corrected fields; one whose outcome is
            // unknown must be sent again byte for byte under the same key
            boolean customerOpen = row.customerId() == null && row.uncertainBy() == null;
            boolean contactOpen = row.contactId() == null && (row.customerId() == null || row.uncertainBy() == null);
            CustomerRegistration sendCustomer = customerOpen ? customer
                    : json.readValue(row.customerRequest(), CustomerRegistration.class);
            ContactRegistration sendContact = contactOpen ? contact
                    : json.readValue(row.contactRequest(), ContactRegistration.class);
            jdbc.update("""
                    UPDATE lead_conversions SET customer_request = ?, contact_request = ?, lease_until = ?,
                           attempts = attempts + 1, updated_at = ? WHERE lead_id = ?""",
                    json.writeValueAsString(sendCustomer), json.writeValueAsString(sendContact),
                    Timestamp.from(lease), Timestamp.from(now), leadId);
            return new Progress(leadId, row.opportunityId(), sendCustomer, sendContact, row.customerId(),
                    row.contactId());
        });
    }

    private record StoredRow(String opportunityId, String customerRequest, String contactRequest,
            @Nullable String customerId, @Nullable String contactId, @Nullable String uncertainBy,
            @Nullable Instant leaseUntil) {
    }

    /** Records a creation's outcome; returns the created id or throws the problem to answer. */
    private String created(String leadId, String column, CustomerGateway.Outcome outcome, CurrentUser caller) {
        Instant now = now();
        return switch (outcome) {
            case CustomerGateway.Created created -> {
                jdbc.update("UPDATE lead_conversions SET " + column + " = ?, uncertain_by = NULL, last_failure = NULL, "
                        + "updated_at = ? WHERE lead_id = ?", created.id(), Timestamp.from(now), leadId);
                yield created.id();
            }
            case CustomerGateway.Unavailable unavailable -> {
                failed(leadId, unavailable.uncertain() ? caller.id() : null, unavailable.reason());
                if (unavailable.serverFailed() && unavailable.status() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                    throw new ApiProblem(HttpStatus.BAD_GATEWAY, "UPSTREAM_FAILED", DEPENDENCY + " failed ("
                            + unavailable.reason() + "); the lead was not converted, try again", DEPENDENCY);
                }
                throw ApiProblem.dependencyUnavailable(DEPENDENCY);
            }
            case CustomerGateway.Refused refused -> {
                if ("IDEMPOTENCY_KEY_IN_PROGRESS".equals(refused.code())) {
                    failed(leadId, caller.id(), "customer-service still processing the first request");
                    throw ApiProblem.conflict("LEAD_CONVERSION_IN_PROGRESS", "customer-service is still "
                            + "processing the first attempt of lead " + leadId + "; try again shortly", leadId);
                }
                failed(leadId, null, "customer-service answered " + refused.status() + " " + refused.code());
                throw refusal(refused);
            }
        };
    }

    private void failed(String leadId, @Nullable String uncertainBy, String reason) {
        log.warn("Conversion of lead {} stopped: {}", leadId, reason);
        jdbc.update("UPDATE lead_conversions SET uncertain_by = ?, last_failure = ?, lease_until = NULL, "
                + "updated_at = ? WHERE lead_id = ?", uncertainBy, reason.length() > 255 ? reason.substring(0, 255)
                : reason, Timestamp.from(now()), leadId);
    }

    private void release(String leadId) {
        jdbc.update("UPDATE lead_conversions SET lease_until = NULL WHERE lead_id = ? AND completed_at IS NULL",
                leadId);
    }

    private static ApiProblem refusal(CustomerGateway.Refused refused) {
        String detail = "customer-service refused the conversion: " + refused.detail();
        return switch (refused.status()) {
            case 409 -> ApiProblem.conflict(refused.code() == null ? "CUSTOMER_CONFLICT" : refused.code(), detail);
            case 400, 422 -> ApiProblem.unprocessable(refused.code() == null ? "CUSTOMER_REJECTED" : refused.code(),
                    detail);
            case 403 -> new ApiProblem(HttpStatus.FORBIDDEN, "CUSTOMER_ACCESS_DENIED",
                    "Converting a lead creates a customer: you need customers:write");
            default -> new ApiProblem(HttpStatus.BAD_GATEWAY, "UPSTREAM_FAILED", "customer-service answered "
                    + refused.status() + "; the lead was not converted", DEPENDENCY);
        };
    }

    private static CustomerRegistration customerRequest(Lead lead, @Nullable CustomerFields fields) {
        CustomerFields f = fields == null ? new CustomerFields(null, null, null, null, null) : fields;
        return new CustomerRegistration(f.code(), or(f.name(), lead.company()), or(f.type(), DEFAULT_CUSTOMER_TYPE),
                or(f.regionCode(), lead.regionCode()), f.email() != null ? f.email() : lead.contactEmail());
    }

    private static ContactRegistration contactRequest(Lead lead, @Nullable ContactFields fields) {
        ContactFields f = fields == null ? new ContactFields(null, null, null, null, null) : fields;
        String phone = f.phone() != null ? f.phone() : lead.contactPhone();
        List<ContactRegistration.Phone> phones = phone == null || phone.isBlank() ? List.of()
                : List.of(new ContactRegistration.Phone(phone, "WORK"));
        return new ContactRegistration(or(f.name(), lead.contactName()), f.title() != null ? f.title()
                : lead.contactTitle(), phones, f.email() != null ? f.email() : lead.contactEmail(), f.role());
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The Idempotency-Key of one creation step: derived from the lead, the same on every retry. */
    static String key(String leadId, String step) {
        return "lead-" + leadId + "-" + step;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
