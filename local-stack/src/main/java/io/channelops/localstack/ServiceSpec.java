package io.channelops.localstack;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One service of the stack: its Maven module (the jar is {@code <module>/target/<module>.jar}),
 * its HTTP port, its database (null when it has none) and the environment variable through which
 * the other services find it.
 */
record ServiceSpec(String module, int port, @Nullable String database, String urlVariable, Phase phase) {

    /** When a service starts; services of one phase start in parallel, phases one after another. */
    enum Phase {
        /** Started before everything else: the token issuer. */
        FIRST,
        /** The domain services: independent of each other. */
        DOMAIN,
        /** The gateway, in front of everything else. */
        EDGE
    }

    /** The whole platform. Adding a service is adding a line here. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("identity-service", 9000, "identity", "IDENTITY_URL", Phase.FIRST),
            new ServiceSpec("customer-service", 8081, "customer", "CUSTOMER_URL", Phase.DOMAIN),
            new ServiceSpec("sales-service", 8082, "sales", "SALES_URL", Phase.DOMAIN),
            new ServiceSpec("order-service", 8083, "orders", "ORDER_URL", Phase.DOMAIN),
            new ServiceSpec("logistics-service", 8084, "logistics", "LOGISTICS_URL", Phase.DOMAIN),
            new ServiceSpec("finance-service", 8085, "finance", "FINANCE_URL", Phase.DOMAIN),
            new ServiceSpec("kpi-service", 8086, "kpi", "KPI_URL", Phase.DOMAIN),
            new ServiceSpec("gateway", 8080, null, "GATEWAY_URL", Phase.EDGE));

    /** Every database the server provides. */
    static List<String> databases() {
        return ALL.stream().map(ServiceSpec::database).<String>mapMulti((db, out) -> {
            if (db != null) {
                out.accept(db);
            }
        }).toList();
    }

    /** The services that {@code ./channelops up} starts when no subset is asked for. */
    static List<ServiceSpec> startable() {
        return ALL;
    }

    static Optional<ServiceSpec> named(String module) {
        return ALL.stream().filter(spec -> spec.module().equals(module)).findFirst();
    }

    /** The names a user may pass to {@code --only}, for error messages. */
    static String startableNames() {
        return String.join(", ", startable().stream().map(ServiceSpec::module).toList());
    }
}
