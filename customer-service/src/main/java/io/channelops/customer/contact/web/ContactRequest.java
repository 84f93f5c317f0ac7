package io.channelops.customer.contact.web;

import io.channelops.customer.contact.ContactChannel;
import io.channelops.customer.contact.ContactDetails;
import io.channelops.customer.contact.ContactService;
import io.channelops.customer.contact.DealRole;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Adds a contact to a customer. Only the name is required; {@code primary: true} makes it the primary contact. */
@Schema(example = """
        {"name": "Li Wei", "title": "Purchasing Manager", "department": "Procurement", "role": "PURCHASING",
         "phones": [{"number": "+86 138 0013 8000", "label": "mobile"}, {"number": "+86 21 5555 0100", "label": "office"}],
         "email": "li.wei@acme.example", "birthday": "1985-04-12", "preferredChannel": "WECHAT",
         "notes": "Prefers calls after 14:00", "primary": true}""")
public record ContactRequest(
        @NotBlank @Size(max = 100) String name,
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String title,
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String department,
        @Schema(description = "Role in the deal") @Nullable DealRole role,
        @Schema(description = "Up to 10 numbers, in the order given")
        @Nullable @Size(max = 10) List<@Valid @NotNull PhoneNumber> phones,
        @Nullable @Email @Size(max = 200) String email,
        @Nullable @Past LocalDate birthday,
        @Nullable ContactChannel preferredChannel,
        @Nullable @Size(min = 1, max = 2000) @Pattern(regexp = "(?s).*\\S.*") String notes,
        @Schema(description = "Make this the customer's primary contact (the previous one stops being primary)",
                defaultValue = "false")
        @Nullable Boolean primary) {

    ContactService.NewContact toNewContact() {
        return new ContactService.NewContact(new ContactDetails(name.strip(), strip(title), strip(department), role,
                phones == null ? List.of() : phones.stream().map(PhoneNumber::toPhone).toList(), strip(email),
                birthday, preferredChannel, notes == null ? null : notes.strip()), Boolean.TRUE.equals(primary));
    }

    static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }
}
