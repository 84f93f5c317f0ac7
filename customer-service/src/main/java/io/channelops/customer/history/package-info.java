/**
 * Revision history of audited entities (Hibernate Envers): who changed what and when. {@link
 * io.channelops.customer.history.Revision} records the caller of each transaction that changed an audited entity;
 * {@link io.channelops.customer.history.RevisionHistory} lists an entity's revisions with the field-by-field
 * differences between consecutive ones, for any {@code @Audited} entity.
 */
@NullMarked
package io.channelops.customer.history;

import org.jspecify.annotations.NullMarked;
