package io.channelops.sales.lead;

/** Why a lead was disqualified; OTHER needs a note. */
public enum DisqualificationReason {
    NO_BUDGET, NO_NEED, NO_AUTHORITY, BAD_TIMING, LOST_TO_COMPETITOR, UNREACHABLE, DUPLICATE, EXISTING_CUSTOMER,
    SPAM, OTHER
}
