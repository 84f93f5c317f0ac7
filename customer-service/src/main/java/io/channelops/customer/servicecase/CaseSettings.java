package io.channelops.customer.servicecase;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service cases, under {@code channelops.customer.cases.*}: the SLA of each priority,
 * {@code channelops.customer.cases.sla.<PRIORITY>.first-response} and {@code .resolution} (ISO-8601 or
 * {@code 4h}/{@code 3d} durations, counted in calendar time from opening). A priority left out keeps its default:
 * URGENT 1h / 8h, HIGH 2h / 1d, NORMAL 4h / 3d, LOW 1d / 5d.
 */
@ConfigurationProperties("channelops.customer.cases")
public record CaseSettings(Map<CasePriority, Sla> sla) {

    static final Map<CasePriority, Sla> DEFAULTS = Map.of(
            CasePriority.URGENT, new Sla(Duration.ofHours(1), Duration.ofHours(8)),
            CasePriority.HIGH, new Sla(Duration.ofHours(2), Duration.ofDays(1)),
            CasePriority.NORMAL, new Sla(Duration.ofHours(4), Duration.ofDays(3)),
            CasePriority.LOW, new Sla(Duration.ofDays(1), Duration.ofDays(5)));

    public CaseSettings(@Nullable Map<CasePriority, Sla> sla) {
        Map<CasePriority, Sla> merged = new EnumMap<>(DEFAULTS);
        if (sla != null) {
            sla.forEach((priority, given) -> merged.put(priority, given.orElse(DEFAULTS.get(priority))));
        }
        this.sla = Map.copyOf(merged);
    }

    /** The deadlines of a priority. */
    public Sla of(CasePriority priority) {
        return sla.get(priority);
    }

    /**
     * How long a case of one priority may wait for its first response and for its resolution.
     *
     * @param firstResponse from opening to the first response
     * @param resolution from opening to the resolution
     */
    public record Sla(@Nullable Duration firstResponse, @Nullable Duration resolution) {

        public Sla {
            if (firstResponse != null && (firstResponse.isNegative() || firstResponse.isZero())
                    || resolution != null && (resolution.isNegative() || resolution.isZero())) {
                throw new IllegalArgumentException("SLA durations must be positive");
            }
        }

        Sla orElse(Sla defaults) {
            return new Sla(firstResponse == null ? defaults.firstResponse() : firstResponse,
                    resolution == null ? defaults.resolution() : resolution);
        }

        Duration firstResponseTime() {
            return firstResponse == null ? Duration.ZERO : firstResponse;
        }

        Duration resolutionTime() {
            return resolution == null ? Duration.ZERO : resolution;
        }
    }
}
