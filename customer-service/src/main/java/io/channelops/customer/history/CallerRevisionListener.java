package io.channelops.customer.history;

import io.channelops.platform.security.CurrentUser;
import org.hibernate.envers.RevisionListener;

/** Records the caller of the current request (or {@link Revision#SYSTEM}) on each new revision. */
public class CallerRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ((Revision) revisionEntity).changedBy(CurrentUser.current().map(CurrentUser::id).orElse(Revision.SYSTEM));
    }
}
