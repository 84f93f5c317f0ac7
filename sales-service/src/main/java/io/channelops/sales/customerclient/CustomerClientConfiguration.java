package io.channelops.sales.customerclient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** Turns on the customer-service Feign client and binds its settings. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = CustomerClient.class)
@EnableConfigurationProperties(CustomerClientProperties.class)
class CustomerClientConfiguration {
}
