package io.channelops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgPathsTest {

    @Test
    void aPathIsWithinItselfAndItsAncestors() {
        assertThat(OrgPaths.within("/hq/east/team-1", "/hq/east/team-1")).isTrue();
        assertThat(OrgPaths.within("/hq/east/team-1", "/hq/east")).isTrue();
        assertThat(OrgPaths.within("/hq/east/team-1", "/hq")).isTrue();
        assertThat(OrgPaths.within("/hq/east/team-1", "/hq/east/")).isTrue();
    }

    @Test
    void aSiblingWithTheSamePrefixIsNotWithin() {
        assertThat(OrgPaths.within("/hq/east-2/team-1", "/hq/east")).isFalse();
        assertThat(OrgPaths.within("/hq/east", "/hq/east/team-1")).isFalse();
        assertThat(OrgPaths.within("/hq/west/team-1", "/hq/east")).isFalse();
    }

    @Test
    void anEmptyRootContainsNothing() {
        assertThat(OrgPaths.within("/hq", "")).isFalse();
    }

    @Test
    void theLikePatternEscapesWildcards() {
        assertThat(OrgPaths.belowPattern("/hq/east")).isEqualTo("/hq/east/%");
        assertThat(OrgPaths.belowPattern("/hq/a_b%")).isEqualTo("/hq/a\\_b\\%/%");
    }
}
