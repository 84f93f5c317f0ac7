package io.channelops.customer.customer.web;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.CustomerStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The customers in the caller's scope with a phone number (for a phone system's screen pop). */
@Schema(example = """
        {"phone": "8613812345678", "content": [{"id": "0b6c2f4e-3f0e-4c1e-9d8a-1f2e3d4c5b6a", "code": "ACME-SH",
          "name": "Acme Trading (Shanghai)", "ownerId": "u-rep-east1-a", "status": "ACTIVE", "level": "KEY",
          "matchedPhone": "138 1234 5678"}]}""")
public record PhoneLookupResponse(
        @Schema(description = "The number looked up, normalized") String phone,
        @Schema(description = "Matching customers, by code; at most 20") List<LookupMatch> content) {

    /** A customer with the number, and the number as it was entered for it. */
    public record LookupMatch(String id, String code, String name, String ownerId, CustomerStatus status,
            CustomerLevel level, String matchedPhone) {
    }

    static PhoneLookupResponse of(Map.Entry<String, List<CustomerService.PhoneMatch>> lookup) {
        return new PhoneLookupResponse(lookup.getKey(), lookup.getValue().stream()
                .map(m -> new LookupMatch(m.id(), m.code(), m.name(), m.ownerId(), m.status(), m.level(),
                        m.matchedPhone()))
                .toList());
    }
}
