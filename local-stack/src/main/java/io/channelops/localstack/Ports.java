package io.channelops.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Checks on the loopback ports the stack listens on. */
final class Ports {

    private Ports() {
    }

    /** Whether something listens on {@code port} on the loopback interface. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Fails early and clearly when a port is taken, typically by a stack that is still running. */
    static void requireFree(int port, String user) {
        if (accepts(port)) {
            throw new LocalStackException("Port " + port + " for " + user + " is already in use. Is another local"
                    + " stack still running? Stop it, or choose other ports (--db-port, --kafka-port,"
                    + " --kafka-controller-port, --port-offset).");
        }
    }

    static void requireValid(int port, String option) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(option + " must be a port between 1 and 65535, not " + port);
        }
    }
}
