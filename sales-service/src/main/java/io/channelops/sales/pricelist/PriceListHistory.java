package io.channelops.sales.pricelist;

import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of a price list, from the Envers audit tables: every revision that changed the list or one of its
 * lines, who made it and when, and which fields changed from what to what.
 */
@Service
public class PriceListHistory {

    /** Which record of the list a history entry is about. */
    public enum Subject { PRICE_LIST, LINE }

    /** What happened to the record. */
    public enum Change { ADDED, MODIFIED, REMOVED }

    /** One field's value before and after (null when it had none). */
    public record FieldChange(String field, @Nullable Object from, @Nullable Object to) {
    }

    /** One record's change in one revision. */
    public record Entry(long revision, Instant at, String by, Subject subject, String subjectId, Change change,
            List<FieldChange> changes) {
    }

    private final EntityManager entityManager;
    private final PriceLists priceLists;

    PriceListHistory(EntityManager entityManager, PriceLists priceLists) {
        this.entityManager = entityManager;
        this.priceLists = priceLists;
    }

    /** Every change of the list and its lines, oldest first; 404 for an unknown list. */
    @Transactional(readOnly = true)
    public List<Entry> of(String priceListId) {
        if (!priceLists.existsById(priceListId)) {
            throw ApiProblem.notFound("price list", priceListId);
        }
        AuditReader reader = AuditReaderFactory.get(entityManager);
        List<Entry> entries = new ArrayList<>();
        List<?> listRevisions = reader.createQuery().forRevisionsOfEntity(PriceList.class, false, true)
                .add(AuditEntity.id().eq(priceListId))
                .addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        Map<String, Map<String, @Nullable Object>> previous = new HashMap<>();
        for (Object row : listRevisions) {
            Object[] triple = (Object[]) row;
            PriceList list = (PriceList) triple[0];
            entries.add(entry(Subject.PRICE_LIST, priceListId, list.auditedState(), (AuditRevision) triple[1],
                    (RevisionType) triple[2], previous));
        }
        List<?> lineRevisions = reader.createQuery().forRevisionsOfEntity(PriceListLine.class, false, true)
                .add(AuditEntity.relatedId("priceList").eq(priceListId))
                .addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        for (Object row : lineRevisions) {
            Object[] triple = (Object[]) row;
            PriceListLine line = (PriceListLine) triple[0];
            entries.add(entry(Subject.LINE, line.id(), line.auditedState(), (AuditRevision) triple[1],
                    (RevisionType) triple[2], previous));
        }
        entries.sort(Comparator.comparingLong(Entry::revision).thenComparing(Entry::subject)
                .thenComparing(Entry::subjectId));
        return entries;
    }

    private static Entry entry(Subject subject, String id, Map<String, @Nullable Object> state, AuditRevision revision,
            RevisionType type, Map<String, Map<String, @Nullable Object>> previous) {
        Map<String, @Nullable Object> before = previous.getOrDefault(subject + id, Map.of());
        List<FieldChange> changes = new ArrayList<>();
        Change change = switch (type) {
            case ADD -> Change.ADDED;
            case MOD -> Change.MODIFIED;
            case DEL -> Change.REMOVED;
        };
        if (change == Change.REMOVED) {
            state.forEach((field, value) -> {
                if (value != null) {
                    changes.add(new FieldChange(field, value, null));
                }
            });
        }
        else {
            state.forEach((field, value) -> {
                Object old = before.get(field);
                if (!same(old, value)) {
                    changes.add(new FieldChange(field, old, value));
                }
            });
        }
        previous.put(subject + id, state);
        return new Entry(revision.id(), revision.revisedAt(), revision.revisedBy(), subject, id, change, changes);
    }

    private static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
