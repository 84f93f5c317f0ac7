package io.channelops.customer.customer.web;

import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.customer.customer.CustomerType;
import io.channelops.customer.customer.Phone;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the API shows it. {@code ownerId}, {@code orgPath}, {@code lastActivityAt} and {@code lastOrderAt}
 * are read-only: the server sets them. Absent optional fields are left out.
 */
@Schema(example = """
        {"id": "0b6c2f4e-3f0e-4c1e-9d8a-1f2e3d4c5b6a", "code": "ACME-SH", "name": "Acme Trading (Shanghai)",
         "legalName": "Acme Trading (Shanghai) Co., Ltd.", "taxId": "91310000MA1K4XYZ2B", "type": "DISTRIBUTOR",
         "level": "KEY", "grade": "A", "status": "ACTIVE", "industry": "FMCG", "companySize": "200-500",
         "regionCode": "EAST", "routeCode": "SH-01", "routeStop": 3, "city": "Shanghai",
         "email": "purchasing@acme.example", "website": "https://acme.example", "establishedDate": "2009-05-01",
         "phones": [{"number": "+86 21 6123 4567", "label": "office", "normalized": "862161234567"}],
         "addresses": [{"kind": "BILLING", "line1": "88 Century Avenue", "city": "Shanghai", "postalCode": "200120",
                        "countryCode": "CN", "default": true}],
         "tags": ["vip", "wholesale"], "attributes": {"credit_days": 30, "sales_channel": "wholesale"},
         "ownerId": "u-rep-east1-a", "orgPath": "/hq/east/team-1", "lastActivityAt": "2026-03-02T09:30:00Z",
         "createdAt": "2026-03-01T08:00:00Z", "updatedAt": "2026-03-01T08:00:00Z", "version": 0}""")
public record CustomerResponse(String id, String code, String name, @Nullable String legalName,
        @Nullable String taxId, CustomerType type, CustomerLevel level, @Nullable String grade, CustomerStatus status,
        @Nullable String industry, @Nullable String companySize, String regionCode, @Nullable String routeCode,
        @Nullable Integer routeStop, @Nullable String city, @Nullable String email, @Nullable String website,
        @Nullable LocalDate establishedDate, @Nullable String parentId, List<PhoneView> phones,
        List<AddressDto> addresses, List<String> tags, Map<String, Object> attributes,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The owning user or client")
        String ownerId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The org unit the customer belongs to",
                example = "/hq/east/team-1")
        String orgPath,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Latest logged activity")
        @Nullable Instant lastActivityAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Latest approved order")
        @Nullable Instant lastOrderAt,
        Instant createdAt, Instant updatedAt, long version) {

    /** A phone number as entered, and its normalized digits (what duplicate rules and lookup compare). */
    public record PhoneView(String number, @Nullable String label, String normalized) {

        static PhoneView of(Phone phone) {
            return new PhoneView(phone.number(), phone.label(), phone.normalized());
        }
    }

    static CustomerResponse of(Customer customer, Function<Map<String, String>, Map<String, Object>> attributes) {
        return new CustomerResponse(customer.id(), customer.code(), customer.name(), customer.legalName(),
                customer.taxId(), customer.type(), customer.level(), customer.grade(), customer.status(),
                customer.industry(), customer.companySize(), customer.regionCode(), customer.routeCode(),
                customer.routeStop(), customer.city(), customer.email(), customer.website(),
                customer.establishedDate(), customer.parentId(),
                customer.phones().stream().map(PhoneView::of).toList(),
                customer.addresses().stream().map(AddressDto::of).toList(),
                customer.tags().stream().sorted().toList(), attributes.apply(customer.attributes()),
                customer.ownership().ownerId(), customer.ownership().orgPath(), customer.lastActivityAt(),
                customer.lastOrderAt(), customer.createdAt(), customer.updatedAt(), customer.version());
    }
}
