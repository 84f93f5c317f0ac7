/** REST API of credit accounts and credit checks. */
@NullMarked
package io.channelops.finance.credit.web;

import org.jspecify.annotations.NullMarked;
