package io.channelops.order.order;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All orders. */
public interface Orders extends JpaRepository<Order, String>, JpaSpecificationExecutor<Order> {

    boolean existsByNumber(String number);

    long countByStatus(OrderStatus status);
}
