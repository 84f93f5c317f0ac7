package io.channelops.identity;

import io.channelops.identity.client.ClientService;
import io.channelops.identity.org.OrgUnit;
import io.channelops.identity.org.OrgUnitService;
import io.channelops.identity.user.Role;
import io.channelops.identity.user.UserService;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Test data made through the use cases ("mothers"); every name is unique, so tests don't collide. */
@Component
public class Fixtures {

    public static final String PASSWORD = "test-password-123";
    public static final String WEB_CLIENT = "test-web";
    public static final String REDIRECT_URI = "http://127.0.0.1:9999/callback";

    private final OrgUnitService orgUnits;
    private final UserService users;
    private final ClientService clients;

    public Fixtures(OrgUnitService orgUnits, UserService users, ClientService clients) {
        this.orgUnits = orgUnits;
        this.users = users;
        this.clients = clients;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public synchronized OrgUnit root() {
        if (!orgUnits.exists("/hq")) {
            return orgUnits.create("hq", "Head office", null);
        }
        return orgUnits.byPath("/hq");
    }

    public OrgUnit unit(OrgUnit parent) {
        return orgUnits.create(unique("u-"), "Unit", parent.id());
    }

    public UserService.UserView user(OrgUnit unit, Role... roles) {
        return users.register(new UserService.Registration(unique("user."), "Test User", PASSWORD, Set.of(roles),
                unit.id()));
    }

    public synchronized void webClient() {
        if (!clients.exists(WEB_CLIENT)) {
            clients.registerPublic(WEB_CLIENT, "Test web", Set.of(REDIRECT_URI), Set.of());
        }
    }

    /** A confidential client acting in {@code orgPath}; returns its secret. */
    public ClientService.ClientView integrationClient(String orgPath, String... scopes) {
        return clients.registerConfidential(unique("erp-"), "Test ERP", Set.of(scopes), orgPath, null);
    }
}
