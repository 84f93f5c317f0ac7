package io.channelops.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class InstanceTagTest {

    @Test
    void tagsEveryMeterWithTheHostnameVariable() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(InstanceTag.filter(new MockEnvironment()
                .withProperty("HOSTNAME", "order-service-7c9f-x2k4")));
        Counter counter = meters.counter("channelops.orders.submitted");
        assertThat(counter.getId().getTag("instance")).isEqualTo("order-service-7c9f-x2k4");
    }

    @Test
    void fallsBackToTheHostNameWithoutTheVariable() {
        String name = InstanceTag.name(new MockEnvironment().withProperty("HOSTNAME", " "));
        assertThat(name).isNotBlank().doesNotContain(" ");
    }
}
