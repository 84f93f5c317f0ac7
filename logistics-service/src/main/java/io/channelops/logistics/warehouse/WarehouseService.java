package io.channelops.logistics.warehouse;

import io.channelops.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of warehouses; each one transaction. */
@Service
public class WarehouseService {

    private final Warehouses warehouses;
    private final Clock clock;

    public WarehouseService(Warehouses warehouses, Clock clock) {
        this.warehouses = warehouses;
        this.clock = clock;
    }

    /** What a client sets when opening a warehouse. */
    public record Opening(String code, String name, String regionCode) {
    }

    @Transactional
    public Warehouse open(Opening opening) {
        String code = opening.code().toUpperCase(Locale.ROOT);
        if (warehouses.existsByCode(code)) {
            throw ApiProblem.conflict("WAREHOUSE_CODE_TAKEN", "Warehouse code " + code + " is already in use", code);
        }
        Warehouse warehouse = Warehouse.open(code, opening.name().strip(),
                opening.regionCode().toUpperCase(Locale.ROOT), Instant.now(clock));
        return warehouses.save(warehouse);
    }

    @Transactional(readOnly = true)
    public Warehouse get(String id) {
        return warehouses.findById(id).orElseThrow(() -> ApiProblem.notFound("warehouse", id));
    }

    /** The warehouses with these ids, by id; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<String, Warehouse> byIds(Collection<String> ids) {
        return warehouses.findAllById(ids).stream().collect(Collectors.toMap(Warehouse::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Page<Warehouse> search(@Nullable String regionCode, Pageable pageable) {
        Specification<Warehouse> spec = Specification.unrestricted();
        if (regionCode != null && !regionCode.isBlank()) {
            String region = regionCode.strip().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("regionCode"), region));
        }
        return warehouses.findAll(spec, pageable);
    }
}
