package io.channelops.customer.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelops.fixtures.AuditedThing;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotsTest {

    @Test
    void aSnapshotHoldsAuditedFieldsAsPlainValuesWithEmbeddedFieldsAtTheTop() {
        AuditedThing thing = new AuditedThing();
        thing.name = "First";
        thing.since = LocalDate.of(2020, 1, 2);
        thing.lines.add(new AuditedThing.Line("a", true));
        thing.tags.addAll(Set.of("b", "a"));
        var snapshot = Snapshots.of(thing, Set.of());
        assertThat(snapshot).containsOnlyKeys("name", "colour", "since", "ownerId", "orgPath", "lines", "tags",
                "attributes");
        assertThat(snapshot.get("colour")).isEqualTo("RED");
        assertThat(snapshot.get("since")).isEqualTo("2020-01-02");
        assertThat(snapshot.get("ownerId")).isEqualTo("u-1");
        assertThat(snapshot.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(snapshot.get("lines")).isEqualTo(List.of(Map.of("text", "a", "main", true)));
        assertThat(Snapshots.of(thing, Set.of("name", "orgPath"))).doesNotContainKeys("name", "orgPath");
    }

    @Test
    void theDiffListsChangedFieldsAndMapsKeyByKey() {
        AuditedThing before = new AuditedThing();
        before.name = "First";
        before.tags.add("a");
        before.attributes.putAll(Map.of("days", "30", "channel", "online"));
        AuditedThing after = new AuditedThing();
        after.name = "Second";
        after.colour = AuditedThing.Colour.BLUE;
        after.tags.addAll(Set.of("a", "b"));
        after.attributes.putAll(Map.of("days", "45", "vat", "true"));
        after.owner = new AuditedThing.Owner("u-2", "/hq");
        List<Snapshots.FieldChange> diff = Snapshots.diff(Snapshots.of(before, Set.of()), Snapshots.of(after,
                Set.of()));
        assertThat(diff).containsExactly(
                new Snapshots.FieldChange("name", "First", "Second"),
                new Snapshots.FieldChange("colour", "RED", "BLUE"),
                new Snapshots.FieldChange("ownerId", "u-1", "u-2"),
                new Snapshots.FieldChange("tags", List.of("a"), List.of("a", "b")),
                new Snapshots.FieldChange("attributes.channel", "online", null),
                new Snapshots.FieldChange("attributes.days", "30", "45"),
                new Snapshots.FieldChange("attributes.vat", null, "true"));
        assertThat(Snapshots.diff(Snapshots.of(after, Set.of()), Snapshots.of(after, Set.of()))).isEmpty();
    }

    @Test
    void aCreationListsEveryFieldThatHasAValue() {
        AuditedThing thing = new AuditedThing();
        thing.name = "New";
        assertThat(Snapshots.diff(Map.of(), Snapshots.of(thing, Set.of()))).extracting(Snapshots.FieldChange::field)
                .containsExactly("name", "colour", "ownerId", "orgPath");
    }
}
