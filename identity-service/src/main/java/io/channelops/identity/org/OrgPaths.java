package io.channelops.identity.org;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules of the materialised path: {@code /hq/east/team-1}, one lower-case code per level. */
public final class OrgPaths {

    /** What an org unit code may look like: it becomes one segment of the path. */
    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private OrgPaths() {
    }

    /** The path of a unit with {@code code} under {@code parentPath} (null for a root). */
    public static String childPath(@Nullable String parentPath, String code) {
        String segment = code.toLowerCase(Locale.ROOT);
        if (!CODE.matcher(segment).matches()) {
            throw new IllegalArgumentException("Not an org unit code: " + code);
        }
        return (parentPath == null ? "" : parentPath) + "/" + segment;
    }

    /** Whether {@code path} is {@code ancestor} itself or lies below it. */
    public static boolean isWithin(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    /** The new path of {@code path} (inside the subtree at {@code oldRoot}) once that subtree moves to {@code newRoot}. */
    public static String rebase(String path, String oldRoot, String newRoot) {
        if (!isWithin(path, oldRoot)) {
            throw new IllegalArgumentException(path + " is not within " + oldRoot);
        }
        return newRoot + path.substring(oldRoot.length());
    }
}
