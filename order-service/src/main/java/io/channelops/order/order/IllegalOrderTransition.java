package io.channelops.order.order;

import io.channelops.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An action the order's current status does not allow: 409 {@code ILLEGAL_STATE_TRANSITION}. */
public class IllegalOrderTransition extends ApiProblem {

    IllegalOrderTransition(String orderId, OrderStatus status, String action) {
        super(HttpStatus.CONFLICT, "ILLEGAL_STATE_TRANSITION",
                "Cannot " + action + " order " + orderId + " in state " + status, action, "order", orderId, status);
    }
}
