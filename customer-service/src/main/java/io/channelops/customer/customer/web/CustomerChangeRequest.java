package io.channelops.customer.customer.web;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.customer.customer.CustomerType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Changes a customer; absent fields stay as they are. An empty text removes an optional field (an empty
 * {@code routeCode} also the route stop, an empty {@code parentId} the parent, an empty {@code establishedDate} the
 * date). {@code phones}, {@code addresses} and {@code tags} replace the old lists whole; {@code attributes} change
 * key by key, {@code null} removing one. The code, owner, org path and last-activity/last-order times cannot be
 * changed here.
 */
@Schema(example = """
        {"name": "Acme Trading (Shanghai) Co., Ltd.", "status": "ACTIVE", "level": "KEY",
         "phones": [{"number": "+86 21 6123 4567", "label": "office"}], "tags": ["vip"],
         "attributes": {"credit_days": 45, "sales_channel": null}}""")
public record CustomerChangeRequest(
        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Email @Size(max = 200) String email,
        @Nullable @Size(max = 200) String legalName,
        @Nullable @Size(max = 40) String taxId,
        @Nullable CustomerType type,
        @Nullable CustomerLevel level,
        @Nullable @Size(max = 32) String grade,
        @Schema(description = "Any life-cycle status may be set") @Nullable CustomerStatus status,
        @Nullable @Size(max = 64) String industry,
        @Nullable @Size(max = 32) String companySize,
        @Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode,
        @Nullable @Pattern(regexp = "|[A-Za-z0-9-]{1,32}") String routeCode,
        @Nullable @Min(1) @Max(100000) Integer routeStop,
        @Nullable @Size(max = 100) String city,
        @Nullable @Pattern(regexp = "|\\S{1,300}") String website,
        @Schema(description = "yyyy-MM-dd, or empty to remove it", example = "2009-05-01")
        @Nullable @Pattern(regexp = "|\\d{4}-\\d{2}-\\d{2}") String establishedDate,
        @Nullable @Size(max = 20) List<@NotNull @Valid PhoneRequest> phones,
        @Nullable @Size(max = 20) List<@NotNull @Valid AddressDto> addresses,
        @Nullable @Size(max = 50) Set<@Size(min = 1, max = 40) @Pattern(regexp = ".*\\S.*") String> tags,
        @Nullable @Size(max = 100) Map<String, @Nullable Object> attributes,
        @Nullable @Size(max = 36) String parentId) {

    CustomerService.Change toChange() {
        return new CustomerService.Change(name, email, legalName, taxId, type, level, grade, status, industry,
                companySize,
                regionCode, routeCode, routeStop, city, website, establishedDate,
                phones == null ? null : phones.stream().map(PhoneRequest::toInput).toList(),
                addresses == null ? null : addresses.stream().map(AddressDto::toAddress).toList(), tags, attributes,
                parentId);
    }
}
