package io.channelops.sales.assignment;

import io.channelops.platform.security.OrgPaths;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.security.UserDirectory;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignment rules and the routing of new leads. A lead of a region with a rule goes to its team: the fixed user
 * (while active) or the next active rep of the team in turn; a region without a rule, or a team without anyone
 * active, leaves the lead in a queue ({@link #QUEUE_OWNER} at the team's or the fallback org path).
 */
@Service
public class AssignmentService {

    /** The owner id of a lead that waits in a queue; its org path names the queue (team or region). */
    public static final String QUEUE_OWNER = "pool";

    private static final Pattern REGION = Pattern.compile("\\*|[A-Z0-9-]{1,32}");
    private static final Pattern ORG_PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");

    private final AssignmentRules rules;
    private final UserDirectory directory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AssignmentService(AssignmentRules rules, UserDirectory directory, JdbcTemplate jdbc, Clock clock) {
        this.rules = rules;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an administrator sets on a rule. */
    public record Definition(String regionCode, String teamPath, AssignmentStrategy strategy,
            @Nullable String fixedUserId) {
    }

    @Transactional(readOnly = true)
    public List<AssignmentRule> rules() {
        return rules.findAllByOrderByRegionCodeAsc();
    }

    @Transactional(readOnly = true)
    public AssignmentRule rule(String id) {
        return rules.findById(id).orElseThrow(() -> ApiProblem.notFound("assignment rule", id));
    }

    @Transactional
    public AssignmentRule create(Definition definition) {
        Definition checked = check(definition);
        if (rules.existsByRegionCode(checked.regionCode())) {
            throw regionTaken(checked.regionCode());
        }
        try {
            return rules.saveAndFlush(new AssignmentRule(checked.regionCode(), checked.teamPath(), checked.strategy(),
                    checked.fixedUserId(), now()));
        }
        catch (DataIntegrityViolationException ex) {
            throw regionTaken(checked.regionCode());
        }
    }

    @Transactional
    public AssignmentRule change(String id, @Nullable String ifMatch, Definition definition) {
        AssignmentRule rule = rule(id);
        ETags.requireMatch(ifMatch, rule.version(), "assignment rule", id);
        Definition checked = check(definition);
        if (!checked.regionCode().equals(rule.regionCode())) {
            throw ApiProblem.unprocessable("ASSIGNMENT_REGION_FIXED",
                    "The region of an assignment rule cannot change; delete it and create another", rule.regionCode());
        }
        rule.change(checked.teamPath(), checked.strategy(), checked.fixedUserId(), now());
        return rules.saveAndFlush(rule);
    }

    @Transactional
    public void delete(String id) {
        rules.delete(rule(id));
    }

    /**
     * Where a new lead of {@code regionCode} goes, in the caller's transaction (the round-robin pointer is locked
     * until it commits, so two replicas never hand out the same turn).
     *
     * @param fallbackQueue the org path of the queue for a region without a rule
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Route route(String regionCode, String fallbackQueue) {
        String region = regionCode.toUpperCase(Locale.ROOT);
        Optional<AssignmentRule> match = rules.findByRegionCode(region)
                .or(() -> rules.findByRegionCode(AssignmentRule.ANY_REGION));
        if (match.isEmpty()) {
            return new Route(new Ownership(QUEUE_OWNER, fallbackQueue), null, true);
        }
        AssignmentRule rule = match.get();
        Optional<Ownership> owner = switch (rule.strategy()) {
            case FIXED_USER -> fixedUser(rule);
            case ROUND_ROBIN -> nextInTurn(rule.teamPath());
        };
        return owner.map(ownership -> new Route(ownership, rule.id(), false))
                .orElseGet(() -> new Route(new Ownership(QUEUE_OWNER, rule.teamPath()), rule.id(), true));
    }

    /** The active reps of a team (exactly at its org path), by user id: the round-robin order. */
    @Transactional(readOnly = true)
    public List<String> activeReps(String teamPath) {
        return jdbc.queryForList("SELECT user_id FROM directory_users WHERE org_path = ? AND status = 'ACTIVE' "
                + "AND CONCAT(',', roles, ',') LIKE '%,REP,%' ORDER BY user_id", String.class, teamPath);
    }

    private Optional<Ownership> fixedUser(AssignmentRule rule) {
        String userId = rule.fixedUserId();
        if (userId == null) {
            return Optional.empty();
        }
        return directory.find(userId).filter(UserDirectory.DirectoryUser::active)
                .map(user -> new Ownership(user.userId(), user.orgPath()));
    }

    private Optional<Ownership> nextInTurn(String teamPath) {
        List<String> reps = activeReps(teamPath);
        if (reps.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("INSERT IGNORE INTO lead_round_robin (team_path, last_user_id, updated_at) VALUES (?, NULL, ?)",
                teamPath, Timestamp.from(now()));
        String last = jdbc.queryForObject("SELECT last_user_id FROM lead_round_robin WHERE team_path = ? FOR UPDATE",
                String.class, teamPath);
        String next = reps.stream().filter(id -> last == null || id.compareTo(last) > 0).findFirst()
                .orElse(reps.getFirst());
        jdbc.update("UPDATE lead_round_robin SET last_user_id = ?, updated_at = ? WHERE team_path = ?", next,
                Timestamp.from(now()), teamPath);
        return Optional.of(new Ownership(next, teamPath));
    }

    private Definition check(Definition definition) {
        String region = definition.regionCode().strip().toUpperCase(Locale.ROOT);
        if (!REGION.matcher(region).matches()) {
            throw invalid("regionCode", "A region code has 1 to 32 letters, digits or -, or is *");
        }
        String team = OrgPaths.withoutTrailingSlash(definition.teamPath().strip());
        if (!ORG_PATH.matcher(team).matches() || team.length() > 255) {
            throw invalid("teamPath", "A team path looks like /hq/east/team-1");
        }
        String fixed = definition.fixedUserId() == null ? null : definition.fixedUserId().strip();
        if (definition.strategy() == AssignmentStrategy.FIXED_USER) {
            if (fixed == null || fixed.isEmpty()) {
                throw invalid("fixedUserId", "FIXED_USER needs a fixedUserId");
            }
            UserDirectory.DirectoryUser user = directory.find(fixed).filter(UserDirectory.DirectoryUser::active)
                    .orElseThrow(() -> ApiProblem.unprocessable("UNKNOWN_ASSIGNEE",
                            "No active user " + fixed + " is known to this service", fixed));
            if (!OrgPaths.within(user.orgPath(), team)) {
                throw invalid("fixedUserId", "User " + fixed + " is not in team " + team);
            }
        }
        else if (fixed != null) {
            throw invalid("fixedUserId", "Only FIXED_USER takes a fixedUserId");
        }
        return new Definition(region, team, definition.strategy(), fixed);
    }

    private static ApiProblem invalid(String field, String detail) {
        return ApiProblem.unprocessable("INVALID_ASSIGNMENT_RULE", detail, field);
    }

    private static ApiProblem regionTaken(String region) {
        return ApiProblem.conflict("ASSIGNMENT_RULE_EXISTS", "Region " + region + " already has an assignment rule",
                region);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
