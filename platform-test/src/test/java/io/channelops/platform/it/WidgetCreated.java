package io.channelops.platform.it;

import io.channelops.events.DomainEvent;
import io.channelops.events.Published;

/** A test event on a test topic. */
@Published(topic = PlatformTestApp.WIDGETS, service = "platformit")
public record WidgetCreated(String widgetId, String name, int sequence) implements DomainEvent {

    @Override
    public String aggregateId() {
        return widgetId;
    }
}
