package io.channelops.identity.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrgPathsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void childPathAppendsTheLowerCasedCode() {
        assertThat(OrgPaths.childPath(null, "hq")).isEqualTo("/hq");
        assertThat(OrgPaths.childPath("/hq/east", "Team-1")).isEqualTo("/hq/east/team-1");
    }

    @Test
    void rejectsCodesThatWouldBreakThePath() {
        assertThatThrownBy(() -> OrgPaths.childPath("/hq", "a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgPaths.childPath("/hq", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWithinDoesNotConfuseSiblingPrefixes() {
        assertThat(OrgPaths.isWithin("/hq/east/team-1", "/hq/east")).isTrue();
        assertThat(OrgPaths.isWithin("/hq/east", "/hq/east")).isTrue();
        assertThat(OrgPaths.isWithin("/hq/eastern", "/hq/east")).isFalse();
    }

    @Test
    void rebaseMovesADescendantPathWithItsSubtree() {
        assertThat(OrgPaths.rebase("/hq/east/team-1/pod-a", "/hq/east/team-1", "/hq/west/team-1"))
                .isEqualTo("/hq/west/team-1/pod-a");
        assertThatThrownBy(() -> OrgPaths.rebase("/hq/west", "/hq/east", "/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movingAUnitGivesItAndItsDescendantsNewPathsAndEvents() {
        OrgUnit hq = OrgUnit.create("hq", "HQ", null, NOW);
        OrgUnit east = OrgUnit.create("east", "East", hq, NOW);
        OrgUnit west = OrgUnit.create("west", "West", hq, NOW);
        OrgUnit team = OrgUnit.create("team-1", "Team 1", east, NOW);
        OrgUnit pod = OrgUnit.create("pod-a", "Pod A", team, NOW);

        String oldRoot = team.path();
        team.moveUnder(west, NOW);
        pod.rebase(oldRoot, team.path(), NOW);

        assertThat(team.path()).isEqualTo("/hq/west/team-1");
        assertThat(team.parentId()).isEqualTo(west.id());
        assertThat(pod.path()).isEqualTo("/hq/west/team-1/pod-a");
        assertThat(pod.parentId()).isEqualTo(team.id());
    }
}
