package io.channelops.customer.contact.web;

import io.channelops.customer.contact.ContactChannel;
import io.channelops.customer.contact.ContactField;
import io.channelops.customer.contact.ContactService;
import io.channelops.customer.contact.DealRole;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Changes a contact: fields present replace the current values ({@code phones} replaces the whole list), fields
 * named in {@code clear} are removed, absent fields stay. Which contact is primary is changed with
 * {@code POST .../make-primary}, not here.
 */
@Schema(example = """
        {"title": "Head of Procurement", "phones": [{"number": "+86 139 0000 1111", "label": "mobile"}],
         "clear": ["birthday", "notes"]}""")
public record ContactChangeRequest(
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String title,
        @Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String department,
        @Nullable DealRole role,
        @Nullable @Size(max = 10) List<@Valid @NotNull PhoneNumber> phones,
        @Nullable @Email @Size(min = 3, max = 200) String email,
        @Nullable @Past LocalDate birthday,
        @Nullable ContactChannel preferredChannel,
        @Nullable @Size(min = 1, max = 2000) @Pattern(regexp = "(?s).*\\S.*") String notes,
        @ArraySchema(schema = @Schema(allowableValues = {"title", "department", "role", "phones", "email",
                "birthday", "preferredChannel", "notes"}),
                arraySchema = @Schema(description = "Optional fields to remove"))
        @Nullable @Size(max = 8) List<@NotNull @Pattern(regexp = ContactField.NAMES,
                message = "must be one of " + ContactField.NAMES) String> clear) {

    ContactService.Change toChange() {
        EnumSet<ContactField> cleared = EnumSet.noneOf(ContactField.class);
        if (clear != null) {
            clear.forEach(name -> ContactField.ofWireName(name).ifPresent(cleared::add));
        }
        return new ContactService.Change(ContactRequest.strip(name), ContactRequest.strip(title),
                ContactRequest.strip(department), role,
                phones == null ? null : phones.stream().map(PhoneNumber::toPhone).toList(),
                ContactRequest.strip(email), birthday, preferredChannel, notes == null ? null : notes.strip(),
                cleared);
    }
}
