package io.channelops.sales.opportunity;

/** Where an opportunity stands: still open, or closed as won or lost. */
public enum OpportunityStatus {
    OPEN, WON, LOST
}
