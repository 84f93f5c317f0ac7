package io.channelops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

class PagingTest {

    private static final Set<String> ALLOWED = Set.of("name", "createdAt");

    @Test
    void usesTheDefaultSortWhenNoneIsGiven() {
        var pageable = Paging.pageable(2, 50, "", Sort.by("name"), ALLOWED);
        assertThat(pageable.getPageNumber()).isEqualTo(2);
        assertThat(pageable.getPageSize()).isEqualTo(50);
        assertThat(pageable.getSort()).isEqualTo(Sort.by("name"));
    }

    @Test
    void parsesAnAllowedPropertyWithDirection() {
        var pageable = Paging.pageable(0, 20, "createdAt,desc", Sort.unsorted(), ALLOWED);
        assertThat(pageable.getSort()).isEqualTo(Sort.by(Sort.Direction.DESC, "createdAt"));
    }

    @Test
    void refusesPagesOutOfRange() {
        assertThatThrownBy(() -> Paging.pageable(-1, 20, "", Sort.unsorted(), ALLOWED))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("INVALID_PAGE"));
        assertThatThrownBy(() -> Paging.pageable(0, 201, "", Sort.unsorted(), ALLOWED))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("INVALID_PAGE"));
        assertThatThrownBy(() -> Paging.pageable(0, 0, "", Sort.unsorted(), ALLOWED))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void refusesUnknownSortPropertiesAndDirections() {
        assertThatThrownBy(() -> Paging.pageable(0, 20, "password", Sort.unsorted(), ALLOWED))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("INVALID_SORT"));
        assertThatThrownBy(() -> Paging.pageable(0, 20, "name,sideways", Sort.unsorted(), ALLOWED))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("INVALID_SORT"));
    }
}
