package io.channelops.customer.customer.web;

import io.channelops.customer.customer.CustomerService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A phone number as written (digits, spaces, {@code + ( ) . / -}); a leading {@code +} or {@code 00} gives the
 * country code, otherwise the service's default one applies.
 */
@Schema(example = """
        {"number": "+86 21 6123 4567", "label": "office"}""")
public record PhoneRequest(
        @NotBlank @Pattern(regexp = "\\+?[0-9 ()./-]{5,40}") String number,
        @Nullable @Size(max = 40) String label) {

    CustomerService.PhoneInput toInput() {
        return new CustomerService.PhoneInput(number, label);
    }
}
