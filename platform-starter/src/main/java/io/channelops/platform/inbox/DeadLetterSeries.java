package io.channelops.platform.inbox;

import java.util.Arrays;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Once the listeners exist, registers a zero dead-letter count for every topic the service
 * listens to, so dashboards and alerts see the series before the first dead letter.
 */
public class DeadLetterSeries implements ApplicationListener<ApplicationStartedEvent> {

    private final DeadLetters deadLetters;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

    public DeadLetterSeries(DeadLetters deadLetters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        this.deadLetters = deadLetters;
        this.listeners = listeners;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        listeners.ifAvailable(registry -> deadLetters.registerTopics(registry.getListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .distinct()
                .toList()));
    }
}
