package io.channelops.localstack;

/** The stack, or a part of it, could not be started or driven; the message says what to do. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
