package io.channelops.sales.pricelist;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the price lists' settings and runs their expiry job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PriceListSettings.class)
@EnableScheduling
class PriceListConfiguration {
}
