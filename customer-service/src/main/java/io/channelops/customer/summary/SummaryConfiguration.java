package io.channelops.customer.summary;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link SummarySettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SummarySettings.class)
class SummaryConfiguration {
}
