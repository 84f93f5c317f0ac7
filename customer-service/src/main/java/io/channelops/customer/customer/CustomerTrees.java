package io.channelops.customer.customer;

import io.channelops.customer.problem.DetailedProblem;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The relationship tree in SQL: who is above a customer, how deep its subtree goes, and the subtree itself. A tree
 * has at most {@link ArchiveProperties#treeMaxDepth()} levels (a root alone is one level), so every walk is bounded.
 */
@Component
class CustomerTrees {

    private final JdbcTemplate jdbc;
    private final int maxDepth;

    CustomerTrees(JdbcTemplate jdbc, ArchiveProperties properties) {
        this.jdbc = jdbc;
        this.maxDepth = properties.treeMaxDepth();
    }

    int maxDepth() {
        return maxDepth;
    }

    /** One customer of a subtree, {@code depth} levels below its root. */
    record Node(String id, @Nullable String parentId, int depth, String code, String name, CustomerType type,
            CustomerLevel level, CustomerStatus status, Ownership ownership) {
    }

    /**
     * Refuses a parent that would make a cycle (422 {@code CUSTOMER_TREE_CYCLE}: the customer itself or one of its
     * descendants) or a tree deeper than the limit (422 {@code CUSTOMER_TREE_TOO_DEEP}). The parent's chain is read
     * with row locks, so two concurrent moves that would together close a cycle cannot both pass (one waits, or
     * loses a deadlock and answers 409).
     */
    void checkParent(String customerId, String parentId) {
        if (customerId.equals(parentId)) {
            throw cycle(customerId, parentId);
        }
        lock(customerId);
        List<String> chain = chainUpLocked(parentId);
        if (chain.contains(customerId)) {
            throw cycle(customerId, parentId);
        }
        int levels = chain.size() + 1 + height(customerId);
        if (levels > maxDepth) {
            throw tooDeep(levels);
        }
    }

    /** {@code id} and its ancestors, nearest first, read with row locks; at most one more than the limit. */
    List<String> chainUpLocked(String id) {
        List<String> chain = new ArrayList<>();
        String current = id;
        while (current != null && chain.size() <= maxDepth) {
            chain.add(current);
            List<String> parents = jdbc.query("SELECT parent_id FROM customers WHERE id = ? FOR UPDATE",
                    (rs, n) -> rs.getString(1), current);
            current = parents.isEmpty() ? null : parents.getFirst();
        }
        return chain;
    }

    void lock(String id) {
        jdbc.query("SELECT id FROM customers WHERE id = ? FOR UPDATE", (rs, n) -> rs.getString(1), id);
    }

    /** Levels below {@code id}: 0 for a customer without children. */
    int height(String id) {
        Integer height = jdbc.queryForObject("""
                WITH RECURSIVE sub (id, depth) AS (
                    SELECT id, 0 FROM customers WHERE id = ?
                    UNION ALL
                    SELECT c.id, s.depth + 1 FROM customers c JOIN sub s ON c.parent_id = s.id WHERE s.depth < ?)
                SELECT COALESCE(MAX(depth), 0) FROM sub""", Integer.class, id, maxDepth);
        return height == null ? 0 : height;
    }

    /** The customer {@code rootId} and everything below it (all of it: the data scope is applied by the caller). */
    List<Node> subtree(String rootId) {
        return jdbc.query("""
                WITH RECURSIVE sub (id, depth) AS (
                    SELECT id, 0 FROM customers WHERE id = ?
                    UNION ALL
                    SELECT c.id, s.depth + 1 FROM customers c JOIN sub s ON c.parent_id = s.id WHERE s.depth < ?)
                SELECT c.id, c.parent_id, s.depth, c.code, c.name, c.type, c.level, c.status, c.owner_id, c.org_path
                  FROM sub s JOIN customers c ON c.id = s.id
                 ORDER BY s.depth, c.name, c.id""",
                (rs, n) -> new Node(rs.getString("id"), rs.getString("parent_id"), rs.getInt("depth"),
                        rs.getString("code"), rs.getString("name"), CustomerType.valueOf(rs.getString("type")),
                        CustomerLevel.valueOf(rs.getString("level")), CustomerStatus.valueOf(rs.getString("status")),
                        new Ownership(rs.getString("owner_id"), rs.getString("org_path"))),
                rootId, maxDepth);
    }

    /** Ids of the direct children of {@code id}. */
    List<String> children(String id) {
        return jdbc.queryForList("SELECT id FROM customers WHERE parent_id = ? ORDER BY id", String.class, id);
    }

    static DetailedProblem cycle(String customerId, String parentId) {
        return new DetailedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CUSTOMER_TREE_CYCLE",
                "Customer " + parentId + " cannot be the parent of " + customerId + ": it is the customer itself or "
                        + "below it in the relationship tree",
                List.of(new FieldProblem("parentId", "would make a cycle in the relationship tree")), Map.of());
    }

    DetailedProblem tooDeep(int levels) {
        return new DetailedProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                "CUSTOMER_TREE_TOO_DEEP", "The relationship tree would have " + levels + " levels; at most "
                        + maxDepth + " are allowed",
                List.of(new FieldProblem("parentId", "makes the relationship tree deeper than " + maxDepth
                        + " levels")), Map.of());
    }
}
