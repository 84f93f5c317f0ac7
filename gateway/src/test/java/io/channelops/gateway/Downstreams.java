package io.channelops.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stand-ins for the services behind the gateway: one WireMock server per service, so a test can
 * tell which service a request reached. A service can instead be pointed at a closed port.
 */
final class Downstreams {

    static final List<String> SERVICES = List.of("customer", "sales", "order", "logistics", "finance", "kpi",
            "identity");

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();
    private final Map<String, Integer> closedPorts = new LinkedHashMap<>();

    /** WireMock for every service but {@code down}, which gets a port nobody listens on. */
    static Downstreams start(String... down) {
        Downstreams downstreams = new Downstreams();
        List<String> unreachable = List.of(down);
        for (String service : SERVICES) {
            if (unreachable.contains(service)) {
                downstreams.closedPorts.put(service, closedPort());
            }
            else {
                WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                        // Jetty would gzip answers and suffix ETags with "--gzip"; real services do not
                        .gzipDisabled(true));
                server.start();
                downstreams.servers.put(service, server);
            }
        }
        return downstreams;
    }

    WireMockServer service(String name) {
        WireMockServer server = servers.get(name);
        if (server == null) {
            throw new IllegalArgumentException("no WireMock for " + name);
        }
        return server;
    }

    void register(DynamicPropertyRegistry registry) {
        servers.forEach((name, server) -> registry.add("channelops.gateway.services." + name + ".url",
                () -> "http://127.0.0.1:" + server.port()));
        closedPorts.forEach((name, port) -> registry.add("channelops.gateway.services." + name + ".url",
                () -> "http://127.0.0.1:" + port));
    }

    void resetAll() {
        servers.values().forEach(WireMockServer::resetAll);
    }

    /** Resets every stand-in, then has each answer any request with {@code {"from":"<service>"}}. */
    void answerEachWithItsName() {
        resetAll();
        servers.forEach((name, server) -> server.stubFor(WireMock.any(WireMock.anyUrl())
                .willReturn(WireMock.okJson("{\"from\":\"" + name + "\"}"))));
    }

    void stop() {
        servers.values().forEach(WireMockServer::stop);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
