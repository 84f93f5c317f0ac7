package io.channelops.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.events.customer.CustomerChanged;
import io.channelops.events.customer.CustomersMerged;
import io.channelops.platform.security.Ownership;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Ownership OWNER = new Ownership("u-rep", "/hq/east");

    private static CustomerProfile profile(String name) {
        return new CustomerProfile(name, null, null, CustomerType.DEALER, CustomerLevel.NORMAL, null,
                CustomerStatus.PROSPECT, null, null, "EAST", null, null, null, null, null, null, List.of(), List.of(),
                Set.of(), Map.of());
    }

    private static List<Object> events(Customer customer) {
        Collection<Object> events = ReflectionTestUtils.invokeMethod(customer, "domainEvents");
        return List.copyOf(events == null ? List.of() : events);
    }

    @Test
    void aChangeNamesTheChangedFieldsByTheirApiNamesAndRaisesCustomerChanged() {
        Customer customer = Customer.register("C-1", profile("Acme"), null, OWNER, NOW);
        CustomerProfile wanted = new CustomerProfile("Acme Ltd", null, null, CustomerType.DEALER, CustomerLevel.KEY,
                null, CustomerStatus.ACTIVE, null, null, "EAST", null, null, null, null, null,
                LocalDate.of(2001, 1, 1), List.of(new Phone("138", null, "86138")), List.of(), Set.of("vip"),
                Map.of("days", "30"));
        List<String> changed = customer.update(wanted, "parent-1", NOW.plusSeconds(1));
        assertThat(changed).containsExactly("name", "level", "status", "establishedDate", "phones", "tags",
                "attributes", "parentId");
        CustomerChanged event = (CustomerChanged) events(customer).getLast();
        assertThat(event.changedFields()).isEqualTo(changed);
        assertThat(event.level()).isEqualTo("KEY");
        assertThat(customer.parentId()).isEqualTo("parent-1");
    }

    @Test
    void aChangeThatChangesNothingRaisesNothing() {
        Customer customer = Customer.register("C-1", profile("Acme"), null, OWNER, NOW);
        int before = events(customer).size();
        assertThat(customer.update(customer.profile(), null, NOW.plusSeconds(1))).isEmpty();
        assertThat(events(customer)).hasSize(before);
        assertThat(customer.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void absorbingADuplicateKeepsOwnFieldsFillsEmptyOnesAndUnitesLists() {
        Customer survivor = Customer.register("C-1", new CustomerProfile("Acme", null, null, CustomerType.DEALER,
                CustomerLevel.KEY, "A", CustomerStatus.ACTIVE, null, null, "EAST", null, null, "Shanghai", null, null,
                null, List.of(new Phone("+86 138", "office", "86138")), List.of(), Set.of("vip"),
                Map.of("days", "30")), null, OWNER, NOW);
        CustomerProfile duplicate = new CustomerProfile("ACME", "Acme Co., Ltd.", "TAX1", CustomerType.RETAIL,
                CustomerLevel.MINOR, "C", CustomerStatus.LOST, "FMCG", null, "WEST", "R1", 3, "Beijing", "a@b.c",
                null, null, List.of(new Phone("138", "mobile", "86138"), new Phone("139", null, "86139")),
                List.of(), Set.of("b2b"), Map.of("days", "60", "channel", "online"));
        survivor.absorb("dup-id", "C-2", duplicate, null, "u-manager", NOW.plusSeconds(5));
        CustomerProfile result = survivor.profile();
        assertThat(result.name()).isEqualTo("Acme");
        assertThat(result.type()).isEqualTo(CustomerType.DEALER);
        assertThat(result.level()).isEqualTo(CustomerLevel.KEY);
        assertThat(result.grade()).isEqualTo("A");
        assertThat(result.city()).isEqualTo("Shanghai");
        assertThat(result.legalName()).isEqualTo("Acme Co., Ltd.");
        assertThat(result.taxId()).isEqualTo("TAX1");
        assertThat(result.email()).isEqualTo("a@b.c");
        assertThat(result.routeCode()).isEqualTo("R1");
        assertThat(result.routeStop()).isEqualTo(3);
        assertThat(result.phones()).extracting(Phone::normalized).containsExactly("86138", "86139");
        assertThat(result.tags()).containsExactlyInAnyOrder("vip", "b2b");
        assertThat(result.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("days", "30", "channel",
                "online"));
        CustomersMerged merged = (CustomersMerged) events(survivor).getLast();
        assertThat(merged.survivingCustomerId()).isEqualTo(survivor.id());
        assertThat(merged.mergedCustomerId()).isEqualTo("dup-id");
        assertThat(merged.mergedCode()).isEqualTo("C-2");
        assertThat(merged.mergedBy()).isEqualTo("u-manager");
    }
}
