package io.channelops.sales.customerclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of customer-service's {@code POST /api/v1/customers/{id}/contacts}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactRegistration(String name, @Nullable String title, List<Phone> phones, @Nullable String email,
        @Nullable String role) {

    public ContactRegistration {
        phones = List.copyOf(phones);
    }

    /** A phone number with its label ({@code WORK}, {@code MOBILE}, ...). */
    public record Phone(String number, String label) {
    }
}
