package io.channelops.finance.credit;

import org.springframework.data.jpa.repository.JpaRepository;

/** All credit accounts, by customer id. */
public interface CreditAccounts extends JpaRepository<CreditAccount, String> {
}
