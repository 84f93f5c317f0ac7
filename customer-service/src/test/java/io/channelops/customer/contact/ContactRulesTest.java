package io.channelops.customer.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of contacts that need no database: phone normalization and what a change does. */
class ContactRulesTest {

    private static final ContactDetails LI_WEI = new ContactDetails("Li Wei", "Buyer", "Procurement",
            DealRole.PURCHASING, List.of(ContactPhone.of("+86 138 0013 8000", "mobile")), "li@acme.example",
            LocalDate.of(1985, 4, 12), ContactChannel.WECHAT, "Notes");

    @Test
    void phonesAreNormalizedToTheirDigitsKeepingALeadingPlus() {
        assertThat(ContactPhone.normalize("+86 (21) 5555-0100")).isEqualTo("+862155550100");
        assertThat(ContactPhone.normalize("021.5555.0100")).isEqualTo("02155550100");
        assertThat(ContactPhone.of(" 138 0013 8000 ", "  ")).isEqualTo(new ContactPhone("138 0013 8000", null,
                "13800138000"));
    }

    @Test
    void aChangeReplacesGivenFieldsClearsListedOnesAndKeepsTheRest() {
        var change = new ContactService.Change(null, "Head buyer", null, null, List.of(), null, null, null, null,
                EnumSet.of(ContactField.BIRTHDAY, ContactField.ROLE));
        ContactDetails changed = change.applyTo(LI_WEI);
        assertThat(changed).isEqualTo(new ContactDetails("Li Wei", "Head buyer", "Procurement", null, List.of(),
                "li@acme.example", null, ContactChannel.WECHAT, "Notes"));
        assertThat(change.contradictions()).isEmpty();
    }

    @Test
    void aFieldBothGivenAndClearedIsAContradiction() {
        var change = new ContactService.Change("New name", "Head buyer", null, null, null, "x@acme.example", null,
                null, null, EnumSet.of(ContactField.TITLE, ContactField.EMAIL, ContactField.NOTES));
        assertThat(change.contradictions()).isEqualTo(Set.of(ContactField.TITLE, ContactField.EMAIL));
    }

    @Test
    void clearableFieldsAreKnownByTheirNamesOnTheWire() {
        assertThat(ContactField.ofWireName("preferredChannel")).contains(ContactField.PREFERRED_CHANNEL);
        assertThat(ContactField.ofWireName("name")).isEmpty();
        for (ContactField field : ContactField.values()) {
            assertThat(field.wireName()).matches(ContactField.NAMES);
        }
    }
}
