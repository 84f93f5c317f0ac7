package io.channelops.identity.seed;

import io.channelops.identity.client.ClientService;
import io.channelops.identity.org.OrgUnit;
import io.channelops.identity.org.OrgUnitService;
import io.channelops.identity.user.Role;
import io.channelops.identity.user.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code local} profile's demo company (idempotent: what exists is left alone). LOCAL DEMO ONLY: every user's
 * password is {@link #DEMO_PASSWORD} and erp-connector's secret is {@link #DEMO_CLIENT_SECRET}; see README.
 */
@Component
@Profile("local")
class LocalDemoCompany implements ApplicationRunner {

    /** Local demo password of every seeded user. Never use outside the local profile. */
    static final String DEMO_PASSWORD = "local-demo-password";

    /** Local demo secret of the erp-connector client. Never use outside the local profile. */
    static final String DEMO_CLIENT_SECRET = "local-demo-erp-connector-secret";

    /**
     * Service clients: each service's own client credentials for work no caller started (background jobs, event
     * listeners calling another service). Local demo secrets are {@code local-demo-<client id>-secret}; local-stack
     * passes them as SERVICE_CLIENT_SECRET. {@code metrics-scraper} is for Prometheus.
     */
    static final Map<String, Set<String>> SERVICE_CLIENTS = Map.of(
            "order-service", Set.of("credit:check", "prices:read"),
            "metrics-scraper", Set.of("metrics:read"));

    private static final Logger log = LoggerFactory.getLogger(LocalDemoCompany.class);

    private final OrgUnitService orgUnits;
    private final UserService users;
    private final ClientService clients;

    LocalDemoCompany(OrgUnitService orgUnits, UserService users, ClientService clients) {
        this.orgUnits = orgUnits;
        this.users = users;
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        OrgUnit hq = unit(null, "hq", "Head office");
        Map<String, OrgUnit> units = new LinkedHashMap<>();
        for (String region : List.of("east", "west")) {
            OrgUnit r = unit(hq, region, capitalize(region) + " region");
            units.put(region, r);
            for (String team : List.of("team-1", "team-2")) {
                units.put(region + "/" + team, unit(r, team, capitalize(region) + " " + team.replace('-', ' ')));
            }
        }
        user("admin", "Ada Admin", Role.ADMIN, hq);
        user("director", "Dora Director", Role.DIRECTOR, hq);
        user("finance", "Fei Finance", Role.FINANCE, hq);
        user("logistics", "Li Logistics", Role.LOGISTICS, hq);
        user("auditor", "Aud Auditor", Role.AUDITOR, hq);
        for (String region : List.of("east", "west")) {
            user("manager." + region, "Manager " + capitalize(region), Role.MANAGER, units.get(region));
            for (int team = 1; team <= 2; team++) {
                OrgUnit t = units.get(region + "/team-" + team);
                user("manager." + region + team, "Manager " + capitalize(region) + " " + team, Role.MANAGER, t);
                for (char rep : new char[] {'a', 'b', 'c'}) {
                    user("rep." + region + team + "." + rep,
                            "Rep " + capitalize(region) + " " + team + " " + Character.toUpperCase(rep), Role.REP, t);
                }
            }
        }
        if (!clients.exists("erp-connector")) {
            clients.registerConfidential("erp-connector", "ERP connector (local demo)",
                    Set.of("customers:read", "customers:write", "orders:read", "orders:write"), "/hq",
                    DEMO_CLIENT_SECRET);
        }
        SERVICE_CLIENTS.forEach((clientId, scopes) -> {
            if (!clients.exists(clientId)) {
                clients.registerConfidential(clientId, clientId + " (local demo service client)", scopes, "/hq",
                        serviceClientSecret(clientId));
            }
        });
        if (!clients.exists("channelops-web")) {
            clients.registerPublic("channelops-web", "ChannelOps web (local demo)",
                    Set.of("http://localhost:3000/callback", "http://localhost:5173/callback",
                            "http://127.0.0.1:9999/callback"), Set.of());
        }
        log.info("Local demo company ready (users' password: see identity-service/README.md)");
    }

    /** The local demo secret of a service client. Never use outside the local profile. */
    static String serviceClientSecret(String clientId) {
        return "local-demo-" + clientId + "-secret";
    }

    private OrgUnit unit(@Nullable OrgUnit parent, String code, String name) {
        String path = (parent == null ? "" : parent.path()) + "/" + code;
        if (orgUnits.exists(path)) {
            return orgUnits.byPath(path);
        }
        return orgUnits.create(code, name, parent == null ? null : parent.id());
    }

    private void user(String username, String displayName, Role role, @Nullable OrgUnit unit) {
        if (unit == null || users.byUsername(username).isPresent()) {
            return;
        }
        users.register(new UserService.Registration(username, displayName, DEMO_PASSWORD, Set.of(role), unit.id()));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
