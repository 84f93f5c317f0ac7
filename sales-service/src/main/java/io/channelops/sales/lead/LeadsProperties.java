package io.channelops.sales.lead;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the leads feature, under {@code channelops.sales.leads.*}.
 *
 * @param scoreRefreshInterval how often a replica looks for leads whose stored score decayed or whose timeline
 *     entered or left a rule's window ({@code LEADS_SCORE_REFRESH_INTERVAL}, default 15m)
 * @param rescoreInterval how often a replica looks for rescore work after rule changes
 *     ({@code LEADS_RESCORE_INTERVAL}, default 5s)
 * @param batchSize leads rescored or refreshed per transaction ({@code LEADS_RESCORE_BATCH_SIZE}, default 100)
 * @param conversionLease how long one conversion attempt holds a lead against a concurrent one (default 2m)
 * @param customerMatches at most this many possible duplicate customers per lookup kind (default 5)
 * @param signalFutureTolerance how far in the future a signal's occurredAt may lie (clock skew; default 5m)
 */
@ConfigurationProperties("channelops.sales.leads")
public record LeadsProperties(Duration scoreRefreshInterval, Duration rescoreInterval, int batchSize,
        Duration conversionLease, int customerMatches, Duration signalFutureTolerance) {
}
