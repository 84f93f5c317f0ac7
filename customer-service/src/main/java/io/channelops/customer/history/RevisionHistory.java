package io.channelops.customer.history;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revisions of any {@code @Audited} entity, newest first, each with the changes since the revision before it
 * (see {@link Snapshots} for how values are compared). Callers check access to the entity first.
 *
 * <pre>{@code
 * Page<RevisionHistory.Entry> page = history.of(Contact.class, contactId, pageable, Set.of());
 * }</pre>
 */
@Component
public class RevisionHistory {

    private final EntityManager entityManager;

    public RevisionHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What a revision did to the entity. */
    public enum ChangeType {
        CREATED, CHANGED, DELETED
    }

    /** One revision of an entity: its number, when, by whom, and what changed. */
    public record Entry(long revision, Instant at, String by, ChangeType changeType,
            List<Snapshots.FieldChange> changes) {
    }

    /**
     * A page of {@code type}'s revisions of the entity with {@code id}, newest first.
     *
     * @param ignored field names left out of the changes (e.g. ones that change with every revision)
     */
    @Transactional(readOnly = true)
    public Page<Entry> of(Class<?> type, Object id, Pageable pageable, Set<String> ignored) {
        AuditReader reader = AuditReaderFactory.get(entityManager);
        Number total = (Number) reader.createQuery().forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addProjection(AuditEntity.revisionNumber().count())
                .getSingleResult();
        // one more than the page: the revision before the page's oldest, to diff against
        List<?> rows = reader.createQuery().forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().desc())
                .setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize() + 1)
                .getResultList();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), pageable.getPageSize()); i++) {
            Object[] row = (Object[]) rows.get(i);
            Object @Nullable [] previous = i + 1 < rows.size() ? (Object[]) rows.get(i + 1) : null;
            Revision revision = (Revision) row[1];
            RevisionType revisionType = (RevisionType) row[2];
            ChangeType changeType = switch (revisionType) {
                case ADD -> ChangeType.CREATED;
                case MOD -> ChangeType.CHANGED;
                case DEL -> ChangeType.DELETED;
            };
            List<Snapshots.FieldChange> changes = changeType == ChangeType.DELETED ? List.of()
                    : Snapshots.diff(previous == null || changeType == ChangeType.CREATED ? Map.of()
                            : Snapshots.of(previous[0], ignored), Snapshots.of(row[0], ignored));
            entries.add(new Entry(revision.id(), revision.at(), revision.changedBy(), changeType, changes));
        }
        return new PageImpl<>(entries, pageable, total == null ? 0 : total.longValue());
    }
}
