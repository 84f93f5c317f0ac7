package io.channelops.sales.pricelist;

import io.channelops.platform.security.CurrentUser;
import org.hibernate.envers.RevisionListener;

/** Stamps each audit revision with the caller of the request that made it. */
public class AuditRevisionListener implements RevisionListener {

    /** Who made a revision that no caller made (the expiry job). */
    public static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revisionEntity) {
        ((AuditRevision) revisionEntity).revisedBy(CurrentUser.current().map(CurrentUser::id).orElse(SYSTEM));
    }
}
