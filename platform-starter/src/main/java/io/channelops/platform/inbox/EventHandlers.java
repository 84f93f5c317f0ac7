package io.channelops.platform.inbox;

import io.channelops.events.EventTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Which event types a listener handles and how. Types not registered are skipped: producers
 * may add event types to a topic, and a consumer only acts on those it knows.
 */
public final class EventHandlers {

    record Handler<T>(Class<T> type, Consumer<T> action, boolean latestOnly) {
    }

    private final Map<String, Handler<?>> byType = new HashMap<>();

    /**
     * A fact: applied once per event id, whatever order it arrives in.
     */
    public <T> EventHandlers on(Class<T> type, Consumer<T> action) {
        byType.put(EventTypes.typeOf(type), new Handler<>(type, action, false));
        return this;
    }

    /**
     * A snapshot of an aggregate's state: applied once per event id and only when its
     * {@code aggregateversion} is newer than the last one applied for that aggregate, so a late
     * or replayed older snapshot never overwrites a newer one.
     */
    public <T> EventHandlers latestOf(Class<T> type, Consumer<T> action) {
        byType.put(EventTypes.typeOf(type), new Handler<>(type, action, true));
        return this;
    }

    @Nullable Handler<?> forType(String type) {
        return byType.get(type);
    }
}
