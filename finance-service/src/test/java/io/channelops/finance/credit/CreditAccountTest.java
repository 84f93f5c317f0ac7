package io.channelops.finance.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.events.finance.CreditLimitChanged;
import io.channelops.finance.money.Money;
import io.channelops.platform.security.Ownership;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreditAccountTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Ownership FINANCE_USER = new Ownership("u-finance", "/hq");

    @Test
    void openingAnAccountRaisesCreditLimitChanged() {
        CreditAccount account = CreditAccount.open("c-1", Money.of("5000", "CNY"), FINANCE_USER, NOW);
        assertThat(account.creditLimit()).isEqualTo(Money.of("5000.00", "CNY"));
        assertThat(account.ownership()).isEqualTo(FINANCE_USER);
        assertThat(account.isNew()).isTrue();
        assertThat(account.pendingEvents()).singleElement().isInstanceOfSatisfying(CreditLimitChanged.class, e -> {
            assertThat(e.customerId()).isEqualTo("c-1");
            assertThat(e.creditLimit().amount()).isEqualByComparingTo("5000");
            assertThat(e.changedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void changingTheLimitRaisesAnEventOnlyWhenItReallyChanges() {
        CreditAccount account = CreditAccount.open("c-1", Money.of("5000", "CNY"), FINANCE_USER, NOW);
        assertThat(account.changeLimit(Money.of("5000.00", "CNY"), NOW.plusSeconds(60))).isFalse();
        assertThat(account.pendingEvents()).hasSize(1);
        assertThat(account.updatedAt()).isEqualTo(NOW);
        assertThat(account.changeLimit(Money.of("0", "USD"), NOW.plusSeconds(60))).isTrue();
        assertThat(account.creditLimit()).isEqualTo(Money.zero("USD"));
        assertThat(account.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(account.pendingEvents()).hasSize(2).last().isInstanceOfSatisfying(CreditLimitChanged.class,
                e -> assertThat(e.creditLimit().currency()).isEqualTo("USD"));
    }

    @Test
    void refusesANegativeLimit() {
        assertThatThrownBy(() -> CreditAccount.open("c-1", Money.of("-0.01", "CNY"), FINANCE_USER, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        CreditAccount account = CreditAccount.open("c-1", Money.of("1", "CNY"), FINANCE_USER, NOW);
        assertThatThrownBy(() -> account.changeLimit(Money.of("-1", "CNY"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(account.creditLimit()).isEqualTo(Money.of("1", "CNY"));
    }
}
