package io.channelops.platform.security;

import io.channelops.events.Topics;
import io.channelops.events.identity.UserChanged;
import io.channelops.events.identity.UserRegistered;
import io.channelops.platform.inbox.InboundEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * This service's copy of identity-service's users (id, org path, roles, status), kept from {@code UserRegistered}
 * and {@code UserChanged} on {@value Topics#USERS}: the latest version of each user wins, duplicates are skipped by
 * the inbox. Services that reassign records turn the consumer on with
 * {@code channelops.security.user-directory.enabled=true}; {@link DataScope#reassignTo} reads it.
 */
public class UserDirectory {

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DirectoryUser> find(String userId) {
        List<DirectoryUser> found = jdbc.query(
                "SELECT user_id, username, org_path, roles, status FROM directory_users WHERE user_id = ?",
                (rs, n) -> new DirectoryUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of(rs.getString(4).split(",")), rs.getString(5)), userId);
        return found.stream().findFirst();
    }

    void remember(String userId, String username, String orgPath, List<String> roles, String status, Instant at) {
        int updated = jdbc.update("""
                UPDATE directory_users SET username = ?, org_path = ?, roles = ?, status = ?, changed_at = ?
                 WHERE user_id = ?""", username, orgPath, String.join(",", roles), status, Timestamp.from(at), userId);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO directory_users (user_id, username, org_path, roles, status, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", userId, username, orgPath, String.join(",", roles), status,
                    Timestamp.from(at));
        }
    }

    /** A user as this service knows them. */
    public record DirectoryUser(String userId, String username, String orgPath, List<String> roles, String status) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** Feeds the directory from identity-service's user events. */
    public static class Listener {

        private final InboundEvents inbound;
        private final UserDirectory directory;

        public Listener(InboundEvents inbound, UserDirectory directory) {
            this.inbound = inbound;
            this.directory = directory;
        }

        @KafkaListener(topics = Topics.USERS, groupId = "${spring.application.name}-user-directory")
        void onUser(ConsumerRecord<String, String> record) {
            inbound.dispatch(record, on -> on
                    .latestOf(UserRegistered.class, u -> directory.remember(u.userId(), u.username(), u.orgPath(),
                            u.roles(), u.status(), u.registeredAt()))
                    .latestOf(UserChanged.class, u -> directory.remember(u.userId(), u.username(), u.orgPath(),
                            u.roles(), u.status(), u.changedAt())));
        }
    }
}
