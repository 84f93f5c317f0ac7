package io.channelops.finance.payment;

import org.springframework.data.jpa.repository.JpaRepository;

/** All payments. */
public interface Payments extends JpaRepository<Payment, String> {
}
