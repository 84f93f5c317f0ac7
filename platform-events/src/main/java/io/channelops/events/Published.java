package io.channelops.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where an event is published: its topic and the producing service (the CloudEvents
 * {@code source}). The CloudEvents {@code type} is {@code io.channelops.<service>.<SimpleName>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Published {

    /** Topic name, one of {@link Topics}. */
    String topic();

    /** Producing service, e.g. {@code order}. */
    String service();
}
