package io.channelops.sales.lead;

import java.util.Set;

/** Where a lead stands: NEW → WORKING → QUALIFIED → CONVERTED, or DISQUALIFIED from any open state. */
public enum LeadStatus {
    NEW, WORKING, QUALIFIED, CONVERTED, DISQUALIFIED;

    /** The states in which a lead is still open (scored, checked for duplicates, convertible in time). */
    public static final Set<LeadStatus> OPEN = Set.of(NEW, WORKING, QUALIFIED);

    public boolean open() {
        return OPEN.contains(this);
    }
}
