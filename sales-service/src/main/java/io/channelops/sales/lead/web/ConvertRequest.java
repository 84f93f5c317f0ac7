package io.channelops.sales.lead.web;

import io.channelops.sales.lead.LeadConversionService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Converts a QUALIFIED lead. {@code customer} and {@code contact} override what the lead says (customer name =
 * company, type DIRECT, region and e-mail from the lead; contact from the lead's contact); {@code opportunity} is
 * opened here.
 */
@Schema(example = """
        {"customer": {"type": "DISTRIBUTOR", "code": "ACME-SH"},
         "opportunity": {"name": "Acme racks 2026", "amount": {"amount": 250000.00, "currency": "CNY"},
                         "expectedCloseDate": "2026-09-30"}}""")
public record ConvertRequest(@Nullable @Valid Customer customer, @Nullable @Valid Contact contact,
        @NotNull @Valid Opportunity opportunity) {

    /** Customer fields; null keeps the lead's value. */
    public record Customer(
            @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,31}") String code,
            @Nullable @Size(min = 1, max = 200) String name,
            @Nullable @Pattern(regexp = "DIRECT|DISTRIBUTOR|DEALER|AGENT|RETAIL|GOVERNMENT|PARTNER") String type,
            @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode,
            @Nullable @Email @Size(max = 200) String email) {
    }

    /** Contact fields; null keeps the lead's contact. */
    public record Contact(
            @Nullable @Size(min = 1, max = 200) String name,
            @Nullable @Size(max = 100) String title,
            @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+()./ -]*") String phone,
            @Nullable @Email @Size(max = 200) String email,
            @Nullable @Size(max = 50) String role) {
    }

    /** The opportunity to open. */
    public record Opportunity(@NotBlank @Size(max = 200) String name, @Nullable @Valid LeadMoney amount,
            @Nullable LocalDate expectedCloseDate) {
    }

    LeadConversionService.Conversion toConversion() {
        return new LeadConversionService.Conversion(
                customer == null ? null : new LeadConversionService.CustomerFields(customer.code(), customer.name(),
                        customer.type(), customer.regionCode(), customer.email()),
                contact == null ? null : new LeadConversionService.ContactFields(contact.name(), contact.title(),
                        contact.phone(), contact.email(), contact.role()),
                new LeadConversionService.OpportunityFields(opportunity.name(),
                        opportunity.amount() == null ? null : opportunity.amount().toMoney(),
                        opportunity.expectedCloseDate()));
    }
}
