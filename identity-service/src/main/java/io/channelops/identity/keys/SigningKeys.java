package io.channelops.identity.keys;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** All signing keys. */
public interface SigningKeys extends JpaRepository<SigningKey, String> {

    List<SigningKey> findByStatusOrderByCreatedAtDesc(SigningKey.Status status);

    List<SigningKey> findAllByStatus(SigningKey.Status status);

    List<SigningKey> findAllByOrderByCreatedAtDesc();
}
