package io.channelops.logistics.reservation;

import org.springframework.data.jpa.repository.JpaRepository;

/** All reservations, one per order. */
public interface Reservations extends JpaRepository<Reservation, String> {

    boolean existsByOrderId(String orderId);
}
