package io.channelops.customer.contact.web;

import io.channelops.customer.contact.ContactPhone;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A phone number with an optional label. */
@Schema(example = """
        {"number": "+86 138 0013 8000", "label": "mobile"}""")
public record PhoneNumber(
        @Schema(description = "Digits with optional leading +, spaces, brackets, dots and dashes; at least 3 digits",
                example = "+86 21 5555 0100")
        @NotBlank @Size(max = 32) @Pattern(regexp = "(?=(?:\\D*\\d){3})\\+?[0-9 ()./-]{3,32}",
                message = "must be a phone number: digits, optional leading +, spaces, ( ) . / -") String number,
        @Schema(description = "What the number is, e.g. mobile, office, fax", example = "office")
        @Nullable @Size(min = 1, max = 30) @Pattern(regexp = ".*\\S.*") String label) {

    ContactPhone toPhone() {
        return ContactPhone.of(number, label);
    }

    static PhoneNumber of(ContactPhone phone) {
        return new PhoneNumber(phone.number(), phone.label());
    }
}
