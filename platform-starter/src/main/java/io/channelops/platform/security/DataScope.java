package io.channelops.platform.security;

import io.channelops.platform.web.ApiProblem;
import jakarta.persistence.criteria.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the current caller may see, applied the same way to single records, lists, counts and sums, so that a total
 * never leaks what a list hides:
 * <ul>
 *   <li>{@link ScopeLevel#OWN} (a rep): records whose {@code owner_id} is the caller;</li>
 *   <li>{@link ScopeLevel#SUBTREE} (a manager, an integration client): records whose {@code org_path} is the
 *       caller's org path or below it;</li>
 *   <li>{@link ScopeLevel#ALL} (director, auditor, finance, logistics): everything their permissions reach.</li>
 * </ul>
 * A record out of scope is reported as not found (404), never as forbidden, so ids cannot be probed.
 *
 * <pre>{@code
 * Customer customer = scope.visible(customers.findById(id), Customer::ownership, "customer", id);
 * Page<Customer> page = customers.findAll(scope.<Customer>specification().and(filters), pageable);
 * DataScope.Sql where = scope.sql("f.owner_id", "f.org_path");   // for JdbcTemplate sums
 * }</pre>
 */
public final class DataScope {

    /** The attribute name of the embedded {@link Ownership} that {@link #specification()} filters on. */
    public static final String OWNERSHIP = "ownership";

    private final UserDirectory directory;

    public DataScope(UserDirectory directory) {
        this.directory = directory;
    }

    /** The caller of the current request. */
    public CurrentUser caller() {
        return CurrentUser.require();
    }

    /** Ownership of a record the caller creates now: the caller and their org path. */
    public Ownership forNewRecord() {
        return caller().ownership();
    }

    public boolean permits(Ownership ownership) {
        return permits(caller(), ownership);
    }

    static boolean permits(CurrentUser caller, Ownership ownership) {
        return switch (caller.level()) {
            case ALL -> true;
            case SUBTREE -> ownership.within(caller.orgPath());
            case OWN -> ownership.ownerId().equals(caller.id());
        };
    }

    /** The record if the caller may see it; otherwise (or when it does not exist) a 404 problem. */
    public <T> T visible(Optional<T> found, Function<T, Ownership> ownership, String type,
            String id) {
        return found.filter(record -> permits(ownership.apply(record)))
                .orElseThrow(() -> ApiProblem.notFound(type, id));
    }

    /** A JPA criteria filter on the entity's embedded {@code ownership} attribute. */
    public <T> Specification<T> specification() {
        return specification(OWNERSHIP);
    }

    /** A JPA criteria filter on the embedded {@link Ownership} at {@code attribute}. */
    public <T> Specification<T> specification(String attribute) {
        CurrentUser caller = caller();
        return (root, query, cb) -> {
            Path<Object> ownership = root.get(attribute);
            return switch (caller.level()) {
                case ALL -> cb.conjunction();
                case OWN -> cb.equal(ownership.get("ownerId"), caller.id());
                case SUBTREE -> caller.orgPath().isEmpty() ? cb.disjunction() : cb.or(
                        cb.equal(ownership.get("orgPath"), OrgPaths.withoutTrailingSlash(caller.orgPath())),
                        cb.like(ownership.<String>get("orgPath"), OrgPaths.belowPattern(caller.orgPath()), '\\'));
            };
        };
    }

    /** A SQL condition (with its arguments) for JdbcTemplate or native queries, over the given columns. */
    public Sql sql(String ownerColumn, String orgPathColumn) {
        CurrentUser caller = caller();
        return switch (caller.level()) {
            case ALL -> new Sql("1 = 1", List.of());
            case OWN -> new Sql(ownerColumn + " = ?", List.of(caller.id()));
            case SUBTREE -> caller.orgPath().isEmpty() ? new Sql("1 = 0", List.of())
                    : new Sql("(" + orgPathColumn + " = ? OR " + orgPathColumn + " LIKE ? ESCAPE '\\\\')",
                            List.of(OrgPaths.withoutTrailingSlash(caller.orgPath()), OrgPaths.belowPattern(caller.orgPath())));
        };
    }

    /**
     * The ownership a record gets when the caller reassigns it to {@code userId}: that user's id and their current
     * org path, from the directory of identity-service's users. The target must be an active user the caller could
     * see records of (a manager assigns within their subtree; a rep cannot reassign); otherwise 422.
     */
    public Ownership reassignTo(String userId) {
        CurrentUser caller = caller();
        UserDirectory.DirectoryUser target = directory.find(userId)
                .filter(UserDirectory.DirectoryUser::active)
                .orElseThrow(() -> ApiProblem.unprocessable("UNKNOWN_ASSIGNEE",
                        "No active user " + userId + " is known to this service", userId));
        Ownership ownership = new Ownership(target.userId(), target.orgPath());
        if (caller.level() == ScopeLevel.OWN || !permits(caller, ownership)) {
            throw ApiProblem.unprocessable("ASSIGNEE_OUT_OF_SCOPE",
                    "User " + userId + " is outside the org units you manage", userId);
        }
        return ownership;
    }

    /** A SQL condition and the arguments of its placeholders, in order. */
    public record Sql(String condition, List<Object> args) {
    }
}
