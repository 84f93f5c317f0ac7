/** {@code /api/v1/admin/org-units}. */
@NullMarked
package io.channelops.identity.org.web;

import org.jspecify.annotations.NullMarked;
