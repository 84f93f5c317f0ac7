package io.channelops.identity.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All org units. */
public interface OrgUnits extends JpaRepository<OrgUnit, String> {

    Optional<OrgUnit> findByPath(String path);

    boolean existsByPath(String path);

    /** The units strictly below {@code path}. */
    @Query("select u from OrgUnit u where u.path like concat(:path, '/%') order by u.path")
    List<OrgUnit> findDescendants(String path);
}
