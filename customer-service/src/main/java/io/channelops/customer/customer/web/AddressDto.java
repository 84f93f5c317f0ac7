package io.channelops.customer.customer.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelops.customer.customer.Address;
import io.channelops.customer.customer.AddressKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An address; at most one of each kind is the {@code default}. */
@Schema(example = """
        {"kind": "SHIPPING", "line1": "88 Century Avenue", "line2": "Warehouse 3", "city": "Shanghai",
         "province": "Shanghai", "postalCode": "200120", "countryCode": "CN", "default": true}""")
public record AddressDto(
        @NotNull AddressKind kind,
        @NotBlank @Size(max = 200) String line1,
        @Nullable @Size(max = 200) String line2,
        @Nullable @Size(max = 100) String city,
        @Nullable @Size(max = 100) String province,
        @Nullable @Size(max = 20) String postalCode,
        @Schema(description = "ISO 3166-1 alpha-2", example = "CN") @Nullable @Pattern(regexp = "[A-Za-z]{2}")
        String countryCode,
        @JsonProperty("default") @Schema(description = "The default address of its kind (default false)")
        @Nullable Boolean isDefault) {

    Address toAddress() {
        return new Address(kind, line1, line2, city, province, postalCode, countryCode, Boolean.TRUE.equals(isDefault));
    }

    static AddressDto of(Address address) {
        return new AddressDto(address.kind(), address.line1(), address.line2(), address.city(), address.province(),
                address.postalCode(), address.countryCode(), address.isDefault());
    }
}
