package io.channelops.customer.servicecase;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the SLA settings of service cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseSettings.class)
class CaseConfiguration {
}
