package io.channelops.finance.receivables;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Orders approved by order-service, as far as finance needs them for exposure (the sums are in
 * {@link ExposureQueries}).
 */
public interface ApprovedOrders extends JpaRepository<ApprovedOrder, String> {
}
