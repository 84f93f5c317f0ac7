package io.channelops.localstack;

/** The pause between two polls of something that is starting. */
final class Pause {

    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(250);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for the stack", ex);
        }
    }
}
