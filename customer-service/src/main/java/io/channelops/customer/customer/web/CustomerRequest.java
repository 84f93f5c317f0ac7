package io.channelops.customer.customer.web;

import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.CustomerType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Registers a customer. The code is generated when absent. */
@Schema(example = """
        {"code": "ACME-SH", "name": "Acme Trading (Shanghai)", "type": "DISTRIBUTOR", "regionCode": "EAST",
         "email": "purchasing@acme.example"}""")
public record CustomerRequest(
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,31}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull CustomerType type,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode,
        @Nullable @Email @Size(max = 200) String email) {

    CustomerService.Registration toRegistration() {
        return new CustomerService.Registration(code, name, type, regionCode, email);
    }
}
