package io.channelops.platform.test;

import java.util.List;
import java.util.Set;

/**
 * The test org, shaped like the local demo company: head office {@code /hq}, regions {@code /hq/east} and
 * {@code /hq/west}, teams below them. Tokens come from the test JVM's issuer.
 */
public final class Callers {

    public static final String HQ = "/hq";
    public static final String EAST = "/hq/east";
    public static final String EAST_1 = "/hq/east/team-1";
    public static final String EAST_2 = "/hq/east/team-2";
    public static final String WEST = "/hq/west";
    public static final String WEST_1 = "/hq/west/team-1";

    /** The caller of MockMvc requests that name none: administrator and director at head office. */
    public static final Caller DEFAULT = user("test-default", "u-test-default", HQ, "ADMIN", "DIRECTOR");

    public static final Caller ADMIN = user("admin", "u-admin", HQ, "ADMIN");
    public static final Caller DIRECTOR = user("director", "u-director", HQ, "DIRECTOR");
    public static final Caller AUDITOR = user("auditor", "u-auditor", HQ, "AUDITOR");
    public static final Caller FINANCE = user("finance", "u-finance", HQ, "FINANCE");
    public static final Caller LOGISTICS = user("logistics", "u-logistics", HQ, "LOGISTICS");
    public static final Caller MANAGER_EAST = user("manager of region east", "u-manager-east", EAST, "MANAGER");
    public static final Caller MANAGER_WEST = user("manager of region west", "u-manager-west", WEST, "MANAGER");
    public static final Caller MANAGER_EAST_1 = user("manager of team east-1", "u-manager-east1", EAST_1, "MANAGER");
    public static final Caller MANAGER_EAST_2 = user("manager of team east-2", "u-manager-east2", EAST_2, "MANAGER");
    public static final Caller REP_EAST_1 = user("rep A of team east-1", "u-rep-east1-a", EAST_1, "REP");
    public static final Caller REP_EAST_1_B = user("rep B of team east-1", "u-rep-east1-b", EAST_1, "REP");
    public static final Caller REP_EAST_2 = user("rep of team east-2", "u-rep-east2-a", EAST_2, "REP");
    public static final Caller REP_WEST_1 = user("rep of team west-1", "u-rep-west1-a", WEST_1, "REP");

    private Callers() {
    }

    public static Caller user(String name, String id, String orgPath, String... roles) {
        return new Caller(name, id, orgPath, List.of(roles), Set.of());
    }

    /** An integration client acting in {@code orgPath} with these scopes. */
    public static Caller client(String id, String orgPath, String... scopes) {
        return new Caller("client " + id + " " + Set.of(scopes) + " at " + orgPath, id, orgPath, List.of(),
                Set.of(scopes));
    }
}
