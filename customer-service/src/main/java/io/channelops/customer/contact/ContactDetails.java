package io.channelops.customer.contact;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything a client says about a contact; only the name is required. */
public record ContactDetails(String name, @Nullable String title, @Nullable String department,
        @Nullable DealRole role, List<ContactPhone> phones, @Nullable String email, @Nullable LocalDate birthday,
        @Nullable ContactChannel preferredChannel, @Nullable String notes) {

    public ContactDetails {
        phones = List.copyOf(phones);
    }
}
