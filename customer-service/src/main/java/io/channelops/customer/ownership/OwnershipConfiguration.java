package io.channelops.customer.ownership;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the ownership and pool settings and runs the pool's reclaim job on its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({PoolSettings.class, OwnershipSettings.class})
class OwnershipConfiguration {
}
