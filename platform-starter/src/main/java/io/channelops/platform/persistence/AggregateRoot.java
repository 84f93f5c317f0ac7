package io.channelops.platform.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * An aggregate whose id the application assigns (a UUID) and which raises domain events.
 * Spring Data cannot tell from an assigned id whether the aggregate is new, so it would merge
 * (a SELECT, then an INSERT) instead of persisting; this base class knows: new until it was
 * persisted or loaded.
 */
@MappedSuperclass
public abstract class AggregateRoot<A extends AggregateRoot<A>> extends AbstractAggregateRoot<A>
        implements Persistable<String> {

    @Transient
    private boolean fresh = true;

    @PostLoad
    @PostPersist
    protected void markStored() {
        fresh = false;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
