package io.channelops.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs children in a session of their own. Ctrl-C in a terminal signals the whole foreground
 * process group: without this, every service, the broker and the database would get it at once
 * and stop in any order. In their own session only the launcher gets it, and its shutdown hook
 * stops the services first, then Kafka, then MariaDB. Where util-linux's {@code setsid} is
 * missing, children are started as they are and Ctrl-C still stops them, in no particular order.
 */
final class OwnSession {

    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private OwnSession() {
    }

    /**
     * {@code command} run through {@code setsid}. A child of a JVM is not a process group leader,
     * so {@code setsid} replaces itself with the command: the pid stays that of the command, and
     * {@link Process#destroy()} signals it directly.
     */
    static List<String> command(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** A shell script that runs {@code executable} with its arguments in its own session, for tools that take one executable path. */
    static String script(Path executable) {
        String quoted = "'" + executable.toString().replace("'", "'\\''") + "'";
        return "#!/bin/sh\nexec " + String.join(" ", command(List.of(quoted))) + " \"$@\"\n";
    }
}
