package io.channelops.finance.receivables;

/** Where an invoice stands: {@code OPEN} until it is paid in full, then {@code PAID}. */
public enum InvoiceStatus {
    OPEN, PAID
}
