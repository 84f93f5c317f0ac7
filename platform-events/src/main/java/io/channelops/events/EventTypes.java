package io.channelops.events;

/** Derives the CloudEvents {@code type} of an event class from its {@link Published} annotation. */
public final class EventTypes {

    private EventTypes() {
    }

    public static Published published(Class<?> eventClass) {
        Published published = eventClass.getAnnotation(Published.class);
        if (published == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @Published");
        }
        return published;
    }

    /** {@code io.channelops.order.OrderApproved} for {@code OrderApproved} published by {@code order}. */
    public static String typeOf(Class<?> eventClass) {
        return "io.channelops." + published(eventClass).service() + "." + eventClass.getSimpleName();
    }
}
