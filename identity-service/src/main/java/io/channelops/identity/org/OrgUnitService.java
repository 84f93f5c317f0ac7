package io.channelops.identity.org;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the org tree; each one transaction. */
@Service
public class OrgUnitService {

    private final OrgUnits units;
    private final Clock clock;

    public OrgUnitService(OrgUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    @Transactional
    public OrgUnit create(String code, String name, @Nullable String parentId) {
        OrgUnit parent = parentId == null ? null : get(parentId);
        if (parent == null && units.count() > 0) {
            throw ApiProblem.unprocessable("ORG_ROOT_EXISTS", "The org tree already has a root; give a parentId");
        }
        String path = OrgPaths.childPath(parent == null ? null : parent.path(), code);
        if (units.existsByPath(path)) {
            throw ApiProblem.conflict("ORG_UNIT_PATH_TAKEN", "Org unit " + path + " already exists", path);
        }
        return units.save(OrgUnit.create(code.toLowerCase(Locale.ROOT), name.strip(), parent, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public OrgUnit get(String id) {
        return units.findById(id).orElseThrow(() -> ApiProblem.notFound("org unit", id));
    }

    @Transactional(readOnly = true)
    public OrgUnit byPath(String path) {
        return units.findByPath(path).orElseThrow(() -> ApiProblem.unprocessable("UNKNOWN_ORG_PATH",
                "No org unit has the path " + path, path));
    }

    @Transactional(readOnly = true)
    public boolean exists(String path) {
        return units.existsByPath(path);
    }

    @Transactional(readOnly = true)
    public Page<OrgUnit> list(Pageable pageable) {
        return units.findAll(pageable);
    }

    @Transactional
    public OrgUnit rename(String id, @Nullable String ifMatch, String name) {
        OrgUnit unit = get(id);
        ETags.requireMatch(ifMatch, unit.version(), "org unit", id);
        unit.rename(name.strip(), Instant.now(clock));
        return units.saveAndFlush(unit);
    }

    /** Moves the unit and its whole subtree under {@code newParentId}; every path below follows. */
    @Transactional
    public OrgUnit move(String id, String newParentId) {
        OrgUnit unit = get(id);
        OrgUnit newParent = get(newParentId);
        if (OrgPaths.isWithin(newParent.path(), unit.path())) {
            throw ApiProblem.conflict("ORG_UNIT_CYCLE",
                    "Cannot move " + unit.path() + " under itself or its own subtree " + newParent.path(),
                    unit.path(), newParent.path());
        }
        String oldRoot = unit.path();
        String newRoot = OrgPaths.childPath(newParent.path(), unit.code());
        if (units.existsByPath(newRoot)) {
            throw ApiProblem.conflict("ORG_UNIT_PATH_TAKEN", "Org unit " + newRoot + " already exists", newRoot);
        }
        Instant now = Instant.now(clock);
        List<OrgUnit> below = units.findDescendants(oldRoot);
        unit.moveUnder(newParent, now);
        units.saveAndFlush(unit);
        for (OrgUnit descendant : below) {
            descendant.rebase(oldRoot, newRoot, now);
            units.save(descendant);
        }
        units.flush();
        return unit;
    }
}
