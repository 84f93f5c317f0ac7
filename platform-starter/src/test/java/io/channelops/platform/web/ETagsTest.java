package io.channelops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ETagsTest {

    @Test
    void acceptsTheCurrentVersionStrongOrWeak() {
        assertThatCode(() -> ETags.requireMatch("\"4\"", 4, "order", "o1")).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("W/\"4\"", 4, "order", "o1")).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"3\", \"4\"", 4, "order", "o1")).doesNotThrowAnyException();
    }

    @Test
    void answers412ForAStaleVersionAnd428WhenMissing() {
        assertThatThrownBy(() -> ETags.requireMatch("\"3\"", 4, "order", "o1"))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        assertThatThrownBy(() -> ETags.requireMatch(null, 4, "order", "o1"))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }
}
