package io.channelops.customer.ownership;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moving every customer of one owner to another, under {@code channelops.customer.ownership.*}.
 *
 * @param transferBatchSize customers moved per transaction
 * @param transferMax customers one request moves at most; the answer tells how many remain for another call
 */
@ConfigurationProperties("channelops.customer.ownership")
public record OwnershipSettings(@DefaultValue("100") int transferBatchSize, @DefaultValue("5000") int transferMax) {

    public OwnershipSettings {
        if (transferBatchSize < 1 || transferMax < 1) {
            throw new IllegalArgumentException(
                    "channelops.customer.ownership.transfer-batch-size and transfer-max must be at least 1");
        }
    }
}
