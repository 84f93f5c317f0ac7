package io.channelops.customer.servicecase.web;

import io.channelops.customer.servicecase.CaseCategory;
import io.channelops.customer.servicecase.CasePriority;
import io.channelops.customer.servicecase.ServiceCase;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Opens a service case for a customer. The priority decides the SLA deadlines. */
@Schema(example = """
        {"category": "COMPLAINT", "priority": "HIGH", "subject": "Damaged pallets in delivery DN-2026-0042",
         "description": "Three of twelve pallets arrived with crushed cartons; the customer wants a replacement.",
         "contactId": "ct-7f3a9c"}""")
public record OpenCaseRequest(
        @NotNull CaseCategory category,
        @NotNull CasePriority priority,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 4000) String description,
        @Schema(description = "The customer's contact who raised it, if known (not checked against the contacts)")
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String contactId) {

    ServiceCase.Details toDetails() {
        return new ServiceCase.Details(category, priority, subject.strip(), description.strip(), contactId);
    }
}
