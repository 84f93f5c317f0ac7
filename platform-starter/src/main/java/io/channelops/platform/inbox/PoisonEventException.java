package io.channelops.platform.inbox;

import org.jspecify.annotations.Nullable;

/** A record that can never be processed (bad envelope or payload): it goes to the dead letters without retries. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
