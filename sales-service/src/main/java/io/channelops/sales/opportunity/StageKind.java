package io.channelops.sales.opportunity;

/** What being in a stage means: still being worked on, won, or lost. */
public enum StageKind {
    OPEN, WON, LOST
}
