package io.channelops.customer.task;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link FollowUpSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowUpSettings.class)
class TaskConfiguration {
}
