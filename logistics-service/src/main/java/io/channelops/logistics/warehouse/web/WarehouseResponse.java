package io.channelops.logistics.warehouse.web;

import io.channelops.logistics.warehouse.Warehouse;
import java.time.Instant;

/** A warehouse as the API shows it. */
public record WarehouseResponse(String id, String code, String name, String regionCode, Instant createdAt,
        Instant updatedAt, long version) {

    static WarehouseResponse of(Warehouse warehouse) {
        return new WarehouseResponse(warehouse.id(), warehouse.code(), warehouse.name(), warehouse.regionCode(),
                warehouse.createdAt(), warehouse.updatedAt(), warehouse.version());
    }
}
