package io.channelops.customer.activity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ActivitySettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActivitySettings.class)
class ActivityConfiguration {
}
