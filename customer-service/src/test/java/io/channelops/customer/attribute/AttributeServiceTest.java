package io.channelops.customer.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.customer.problem.DetailedProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeServiceTest {

    private static AttributeDefinition definition(AttributeType type, AttributeDefinition.Rules rules) {
        return new AttributeDefinition("k", type, rules, Instant.EPOCH);
    }

    private static AttributeDefinition.Rules rules() {
        return new AttributeDefinition.Rules("K", false, null, null, null, null, List.of());
    }

    @Test
    void valuesAreStoredInTheCanonicalTextOfTheirType() {
        assertThat(AttributeService.canonical(definition(AttributeType.NUMBER, rules()), 12.50)).isEqualTo("12.5");
        assertThat(AttributeService.canonical(definition(AttributeType.NUMBER, rules()), "1e2")).isEqualTo("100");
        assertThat(AttributeService.canonical(definition(AttributeType.NUMBER, rules()), 0)).isEqualTo("0");
        assertThat(AttributeService.canonical(definition(AttributeType.BOOLEAN, rules()), true)).isEqualTo("true");
        assertThat(AttributeService.canonical(definition(AttributeType.DATE, rules()), "2024-02-29"))
                .isEqualTo("2024-02-29");
        assertThat(AttributeService.canonical(definition(AttributeType.TEXT, rules()), "  trimmed "))
                .isEqualTo("trimmed");
    }

    @Test
    void valuesOutsideTheRulesAreRefusedWithAReason() {
        var bounded = definition(AttributeType.NUMBER, new AttributeDefinition.Rules("K", false, null, null,
                BigDecimal.ZERO, BigDecimal.TEN, List.of()));
        assertThatThrownBy(() -> AttributeService.canonical(bounded, 11)).hasMessage("must be at most 10");
        assertThatThrownBy(() -> AttributeService.canonical(bounded, "ten")).hasMessage("must be a number");
        var text = definition(AttributeType.TEXT, new AttributeDefinition.Rules("K", false, 5, "[a-z]+", null, null,
                List.of()));
        assertThatThrownBy(() -> AttributeService.canonical(text, "abcdef")).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> AttributeService.canonical(text, "ab1")).hasMessageContaining("must match");
        assertThatThrownBy(() -> AttributeService.canonical(text, 12)).hasMessage("must be text");
        var choice = definition(AttributeType.CHOICE, new AttributeDefinition.Rules("K", false, null, null, null,
                null, List.of("a", "b")));
        assertThatThrownBy(() -> AttributeService.canonical(choice, "c")).hasMessageContaining("one of");
        assertThatThrownBy(() -> AttributeService.canonical(definition(AttributeType.BOOLEAN, rules()), "yes"))
                .hasMessage("must be true or false");
    }

    @Test
    void rulesThatDoNotFitTheTypeAreRefused() {
        assertThatThrownBy(() -> AttributeService.check(AttributeType.DATE, new AttributeDefinition.Rules("K", false,
                10, null, BigDecimal.ONE, null, List.of("x"))))
                .isInstanceOfSatisfying(DetailedProblem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("INVALID_ATTRIBUTE_DEFINITION");
                    assertThat(problem.errors()).extracting(e -> e.field()).contains("maxLength", "min", "options");
                });
        assertThatThrownBy(() -> AttributeService.check(AttributeType.CHOICE, new AttributeDefinition.Rules("K",
                false, null, null, null, null, List.of("a", "a")))).isInstanceOf(DetailedProblem.class);
    }
}
