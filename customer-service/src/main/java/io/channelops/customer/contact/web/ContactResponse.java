package io.channelops.customer.contact.web;

import io.channelops.customer.contact.Contact;
import io.channelops.customer.contact.ContactChannel;
import io.channelops.customer.contact.DealRole;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A contact as the API shows it. {@code primary} is changed only by {@code make-primary}. */
@Schema(example = """
        {"id": "6f1c2a7e-1d2b-4c55-9a0e-3c7f2f9d8b11", "customerId": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d",
         "name": "Li Wei", "title": "Purchasing Manager", "department": "Procurement", "role": "PURCHASING",
         "phones": [{"number": "+86 138 0013 8000", "label": "mobile"}], "email": "li.wei@acme.example",
         "birthday": "1985-04-12", "preferredChannel": "WECHAT", "notes": "Prefers calls after 14:00",
         "primary": true, "createdBy": "u-rep-east1-a", "createdAt": "2026-03-02T08:15:00Z",
         "updatedAt": "2026-03-02T08:15:00Z", "version": 0}""")
public record ContactResponse(String id, String customerId, String name, @Nullable String title,
        @Nullable String department, @Nullable DealRole role, List<PhoneNumber> phones, @Nullable String email,
        @Nullable LocalDate birthday, @Nullable ContactChannel preferredChannel, @Nullable String notes,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The customer's primary contact")
        boolean primary,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String createdBy,
        Instant createdAt, Instant updatedAt, long version) {

    static ContactResponse of(Contact contact) {
        return new ContactResponse(contact.id(), contact.customerId(), contact.name(), contact.title(),
                contact.department(), contact.role(), contact.phones().stream().map(PhoneNumber::of).toList(),
                contact.email(), contact.birthday(), contact.preferredChannel(), contact.notes(), contact.primary(),
                contact.createdBy(), contact.createdAt(), contact.updatedAt(), contact.version());
    }
}
