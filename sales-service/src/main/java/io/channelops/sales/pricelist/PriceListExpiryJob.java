package io.channelops.sales.pricelist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code channelops.sales.prices.expiry-interval}, marks ACTIVE lists whose end date is past EXPIRED (each
 * change kept in the history, made by {@value AuditRevisionListener#SYSTEM}). Safe with several replicas: each run
 * claims its lists with {@code SELECT ... FOR UPDATE SKIP LOCKED}. The effective price never depends on this job: it
 * checks the dates itself.
 */
@Component
class PriceListExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(PriceListExpiryJob.class);

    private final PriceListService priceLists;
    private final PriceListSettings settings;

    PriceListExpiryJob(PriceListService priceLists, PriceListSettings settings) {
        this.priceLists = priceLists;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${channelops.sales.prices.expiry-interval:15m}",
            fixedDelayString = "${channelops.sales.prices.expiry-interval:15m}")
    void run() {
        try {
            int expired;
            do {
                expired = priceLists.expireDue(settings.expiryBatchSize());
                if (expired > 0) {
                    log.info("Marked {} price lists past their end date EXPIRED", expired);
                }
            } while (expired >= settings.expiryBatchSize());
        }
        catch (RuntimeException ex) {
            log.warn("Price list expiry run failed; trying again next run", ex);
        }
    }
}
