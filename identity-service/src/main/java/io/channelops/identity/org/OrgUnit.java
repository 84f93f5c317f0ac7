package io.channelops.identity.org;

import io.channelops.events.identity.OrgUnitChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A unit of the org tree: head office, region, team. Raises {@link OrgUnitChanged} on every change. */
@Entity
@Table(name = "org_units")
public class OrgUnit extends AbstractAggregateRoot<OrgUnit> {

    @Id
    private String id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "parent_id")
    private @Nullable String parentId;

    @Column(nullable = false, unique = true)
    private String path;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected OrgUnit() {
        // for JPA
        this.id = "";
        this.code = "";
        this.name = "";
        this.path = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private OrgUnit(String code, String name, @Nullable OrgUnit parent, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.code = code;
        this.name = name;
        this.parentId = parent == null ? null : parent.id;
        this.path = OrgPaths.childPath(parent == null ? null : parent.path, code);
        this.createdAt = now;
        this.updatedAt = now;
    }

    static OrgUnit create(String code, String name, @Nullable OrgUnit parent, Instant now) {
        OrgUnit unit = new OrgUnit(code, name, parent, now);
        unit.changed(now);
        return unit;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
        changed(now);
    }

    /** This unit is the root of a moving subtree: it gets a new parent and path. */
    void moveUnder(OrgUnit newParent, Instant now) {
        this.parentId = newParent.id;
        this.path = OrgPaths.childPath(newParent.path, code);
        this.updatedAt = now;
        changed(now);
    }

    /** This unit lies below a moved unit: its path follows. */
    void rebase(String oldRoot, String newRoot, Instant now) {
        this.path = OrgPaths.rebase(path, oldRoot, newRoot);
        this.updatedAt = now;
        changed(now);
    }

    private void changed(Instant now) {
        registerEvent(new OrgUnitChanged(id, code, name, parentId == null ? "" : parentId, path, now));
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public @Nullable String parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
