package io.channelops.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reading parsed YAML (maps, lists, scalars) the way Compose interprets it. */
final class ComposeYaml {

    private static final Pattern SIZE = Pattern.compile("^(\\d+)\\s*([kmg]?)b?$");

    private ComposeYaml() {
    }

    /** The value at a dotted path ({@code server.port}), or null when any step is missing. */
    static @Nullable Object at(@Nullable Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<?> list(@Nullable Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static @Nullable String string(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** A service's environment, written as a map or as a list of {@code NAME=value}. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object value = service.get("environment");
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, v) -> environment.put(String.valueOf(name), v == null ? "" : String.valueOf(v)));
        }
        else {
            for (Object entry : list(value)) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                environment.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        }
        return environment;
    }

    /** depends_on as service -> condition; the short list form means service_started. */
    static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Object value = service.get("depends_on");
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, spec) -> conditions.put(String.valueOf(name),
                    String.valueOf(map(spec).getOrDefault("condition", "service_started"))));
        }
        else {
            list(value).forEach(name -> conditions.put(String.valueOf(name), "service_started"));
        }
        return conditions;
    }

    /** The memory limit in bytes (mem_limit or deploy.resources.limits.memory), or -1 when there is none. */
    static long memoryLimit(Map<String, Object> service) {
        Object limit = service.get("mem_limit");
        if (limit == null) {
            limit = at(service, "deploy.resources.limits.memory");
        }
        if (limit == null) {
            return -1;
        }
        Matcher size = SIZE.matcher(String.valueOf(limit).strip().toLowerCase(Locale.ROOT));
        if (!size.matches()) {
            throw new IllegalArgumentException("Not a memory size: " + limit);
        }
        long amount = Long.parseLong(size.group(1));
        return switch (size.group(2)) {
            case "k" -> amount << 10;
            case "m" -> amount << 20;
            case "g" -> amount << 30;
            default -> amount;
        };
    }

    /**
     * Bind mounts as container path -> host path (relative to the compose file, without a leading {@code ./}),
     * from the short {@code host:container[:mode]} form and the long {@code type: bind} form.
     */
    static Map<String, String> bindMounts(Map<String, Object> service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : list(service.get("volumes"))) {
            if (volume instanceof Map<?, ?> spec) {
                if ("bind".equals(spec.get("type"))) {
                    mounts.put(String.valueOf(spec.get("target")), relative(String.valueOf(spec.get("source"))));
                }
                continue;
            }
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                mounts.put(parts[1], relative(parts[0]));
            }
        }
        return mounts;
    }

    /**
     * The host file behind a container path of a service, through its bind mounts (the longest mount that
     * contains the path), or null when no bind mount covers it.
     */
    static @Nullable String hostPath(Map<String, Object> service, String containerPath) {
        String best = null;
        String bestTarget = "";
        for (Map.Entry<String, String> mount : bindMounts(service).entrySet()) {
            String target = trimSlash(mount.getKey());
            if ((containerPath.equals(target) || containerPath.startsWith(target + "/"))
                    && target.length() > bestTarget.length()) {
                bestTarget = target;
                best = trimSlash(mount.getValue()) + containerPath.substring(target.length());
            }
        }
        return best;
    }

    /** A deep copy of parsed YAML, so a test can change one service without changing others that share an anchor. */
    static Object deepCopy(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    private static String relative(String hostPath) {
        return hostPath.startsWith("./") ? hostPath.substring(2) : hostPath;
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
