package io.channelops.platform.security;

/** Materialised org paths ({@code /hq/east/team-1}): subtree tests in Java and SQL. */
public final class OrgPaths {

    private OrgPaths() {
    }

    /** True when {@code path} is {@code root} or lies below it. An empty root contains nothing. */
    public static boolean within(String path, String root) {
        if (root.isEmpty()) {
            return false;
        }
        String base = withoutTrailingSlash(root);
        return base.isEmpty() ? path.startsWith("/") : path.equals(base) || path.startsWith(base + "/");
    }

    /** {@code /hq/east/} → {@code /hq/east}; {@code /} → empty (the root of every path). */
    public static String withoutTrailingSlash(String root) {
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** The LIKE pattern matching every path strictly below {@code root}, with LIKE's wildcards escaped ({@code \}). */
    public static String belowPattern(String root) {
        return withoutTrailingSlash(root).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }
}
