/** Money on the wire: the request and response shapes shared by finance's APIs. */
@NullMarked
package io.channelops.finance.money.web;

import org.jspecify.annotations.NullMarked;
