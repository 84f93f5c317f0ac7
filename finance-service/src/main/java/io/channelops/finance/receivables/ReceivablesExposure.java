package io.channelops.finance.receivables;

import io.channelops.finance.money.Money;

/**
 * What a customer owes or will owe in one currency: the open balance of its invoices and the part
 * of its approved orders not invoiced yet.
 */
public record ReceivablesExposure(Money openReceivables, Money approvedNotInvoiced) {
}
