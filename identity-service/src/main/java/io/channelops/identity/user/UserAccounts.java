package io.channelops.identity.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All user accounts. */
public interface UserAccounts extends JpaRepository<UserAccount, String> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);
}
