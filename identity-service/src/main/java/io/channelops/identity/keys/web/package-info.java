/** {@code /api/v1/admin/signing-keys}. */
@NullMarked
package io.channelops.identity.keys.web;

import org.jspecify.annotations.NullMarked;
