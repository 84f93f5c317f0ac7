package io.channelops.platform.web;

import java.io.IOException;

/** Raised while reading a request body that is longer than {@code channelops.web.max-body-size}. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("Request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
