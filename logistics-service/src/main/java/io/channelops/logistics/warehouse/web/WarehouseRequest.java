package io.channelops.logistics.warehouse.web;

import io.channelops.logistics.warehouse.WarehouseService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Opens a warehouse. Code and region are stored upper-case; the code must be unique. */
@Schema(example = """
        {"code": "SH-01", "name": "Shanghai central warehouse", "regionCode": "EAST"}""")
public record WarehouseRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String regionCode) {

    WarehouseService.Opening toOpening() {
        return new WarehouseService.Opening(code, name, regionCode);
    }
}
