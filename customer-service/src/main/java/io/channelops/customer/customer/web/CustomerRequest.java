package io.channelops.customer.customer.web;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.customer.customer.CustomerType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Registers a customer. The code is generated when absent; level defaults to NORMAL, status to PROSPECT. Owner and
 * org path are the caller's (not settable), as are the last-activity and last-order times (kept by the service).
 */
@Schema(example = """
        {"code": "ACME-SH", "name": "Acme Trading (Shanghai)", "legalName": "Acme Trading (Shanghai) Co., Ltd.",
         "taxId": "91310000MA1K4XYZ2B", "type": "DISTRIBUTOR", "level": "KEY", "grade": "A", "status": "ACTIVE",
         "industry": "FMCG", "companySize": "200-500", "regionCode": "EAST", "routeCode": "SH-01", "routeStop": 3,
         "city": "Shanghai", "email": "purchasing@acme.example", "website": "https://acme.example",
         "establishedDate": "2009-05-01",
         "phones": [{"number": "+86 21 6123 4567", "label": "office"}, {"number": "138 1234 5678", "label": "buyer"}],
         "addresses": [{"kind": "BILLING", "line1": "88 Century Avenue", "city": "Shanghai", "postalCode": "200120",
                        "countryCode": "CN", "default": true}],
         "tags": ["wholesale", "vip"], "attributes": {"sales_channel": "wholesale", "credit_days": 30},
         "parentId": "5f0c1e9e-8a55-4a43-9f1e-0c2a9d1b7e11"}""")
public record CustomerRequest(
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,31}") String code,
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 200) String legalName,
        @Nullable @Size(max = 40) String taxId,
        @NotNull CustomerType type,
        @Nullable CustomerLevel level,
        @Schema(description = "A free grade, e.g. A/B/C") @Nullable @Size(max = 32) String grade,
        @Nullable CustomerStatus status,
        @Nullable @Size(max = 64) String industry,
        @Schema(description = "Company size class, free text", example = "200-500") @Nullable @Size(max = 32)
        String companySize,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode,
        @Schema(description = "Sales route the customer is visited on") @Nullable
        @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String routeCode,
        @Schema(description = "Position on the route (with routeCode)") @Nullable @Min(1) @Max(100000)
        Integer routeStop,
        @Schema(description = "City (with the name, used to detect duplicates)") @Nullable @Size(max = 100)
        String city,
        @Nullable @Email @Size(max = 200) String email,
        @Nullable @Pattern(regexp = "\\S{1,300}") String website,
        @Nullable @PastOrPresent LocalDate establishedDate,
        @Nullable @Size(max = 20) List<@NotNull @Valid PhoneRequest> phones,
        @Nullable @Size(max = 20) List<@NotNull @Valid AddressDto> addresses,
        @Schema(description = "Short labels, stored in lower case") @Nullable @Size(max = 50)
        Set<@NotBlank @Size(max = 40) String> tags,
        @Schema(description = "Custom attribute values by key (see /api/v1/customer-attributes)")
        @Nullable @Size(max = 100) Map<String, @Nullable Object> attributes,
        @Schema(description = "Parent in the relationship tree: a customer you can see") @Nullable @Size(max = 36)
        String parentId) {

    /** The registration this request asks for (also what an imported row becomes). */
    public CustomerService.Registration toRegistration() {
        return new CustomerService.Registration(code, name, type, regionCode, email, legalName, taxId, level, grade,
                status, industry, companySize, routeCode, routeStop, city, website, establishedDate,
                phones == null ? List.of() : phones.stream().map(PhoneRequest::toInput).toList(),
                addresses == null ? List.of() : addresses.stream().map(AddressDto::toAddress).toList(),
                tags == null ? Set.of() : tags, attributes == null ? Map.of() : attributes, parentId);
    }
}
