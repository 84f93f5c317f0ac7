package io.channelops.platform.observability;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The {@code instance} tag on every meter: which replica answered. {@code HOSTNAME} when it is set
 * (the pod name on Kubernetes, the container id on Docker), else the machine's host name. The
 * {@code service} tag comes from {@code management.metrics.tags.service}.
 */
public final class InstanceTag {

    public static final String KEY = "instance";

    private InstanceTag() {
    }

    /** A filter that adds {@code instance=<name>} to every meter. */
    public static MeterFilter filter(Environment environment) {
        return MeterFilter.commonTags(List.of(Tag.of(KEY, name(environment))));
    }

    /** {@code HOSTNAME} from the environment, else the local host name, else {@code unknown}. */
    public static String name(Environment environment) {
        String hostname = environment.getProperty("HOSTNAME");
        if (StringUtils.hasText(hostname)) {
            return hostname.strip();
        }
        try {
            String local = InetAddress.getLocalHost().getHostName();
            return StringUtils.hasText(local) ? local : "unknown";
        }
        catch (UnknownHostException ex) {
            return "unknown";
        }
    }
}
