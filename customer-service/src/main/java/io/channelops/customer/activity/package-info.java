/**
 * Activities: visits, calls, e-mails, meetings and notes logged with a customer, with the contacts who took part
 * and the visit report. Logging one raises {@code ActivityLogged} and, with a next step and a date, asks for a
 * follow-up task ({@link io.channelops.customer.activity.FollowUpRequested}).
 */
@NullMarked
package io.channelops.customer.activity;

import org.jspecify.annotations.NullMarked;
