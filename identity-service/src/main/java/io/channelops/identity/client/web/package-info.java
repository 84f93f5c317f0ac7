/** {@code /api/v1/admin/clients}. */
@NullMarked
package io.channelops.identity.client.web;

import org.jspecify.annotations.NullMarked;
