package io.channelops.sales.quote;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of quotes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuoteSettings.class)
class QuoteConfiguration {
}
