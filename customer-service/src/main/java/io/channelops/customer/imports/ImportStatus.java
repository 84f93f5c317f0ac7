package io.channelops.customer.imports;

/** Where an import job is: waiting for a worker, being read, done, or stopped. */
public enum ImportStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    /** Still to be finished by the process that accepted it. */
    public boolean live() {
        return this == QUEUED || this == RUNNING;
    }
}
