package io.channelops.platform;

import io.channelops.platform.inbox.DeadLetterController;
import io.channelops.platform.inbox.DeadLetterSeries;
import io.channelops.platform.inbox.DeadLetters;
import io.channelops.platform.inbox.InboundEvents;
import io.channelops.platform.inbox.PoisonEventException;
import io.channelops.platform.observability.InstanceTag;
import io.channelops.platform.observability.KafkaHealthIndicator;
import io.channelops.platform.observability.RequestIdFilter;
import io.channelops.platform.observability.TraceIdsBinder;
import io.channelops.platform.outbox.Outbox;
import io.channelops.platform.outbox.OutboxRelay;
import io.channelops.platform.persistence.Housekeeping;
import io.channelops.platform.persistence.PlatformMigrations;
import io.channelops.platform.web.BodySizeLimitFilter;
import io.channelops.platform.web.IdempotencyFilter;
import io.channelops.platform.web.LenientJsonDecoder;
import io.channelops.platform.web.ProblemHandler;
import io.channelops.platform.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Wires the platform into every service that has {@code platform-starter} on its class path. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(ChannelOpsProperties.class)
public class ChannelOpsAutoConfiguration {

    /** Right after Spring Security's filter chain, which runs at -100. */
    static final int IDEMPOTENCY_FILTER_ORDER = -90;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    ProblemHandler problemHandler(ProblemResponses problems) {
        return new ProblemHandler(problems);
    }

    /** English unless the client asks for Chinese; {@code zh} alone means Simplified Chinese. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                Locale resolved = super.resolveLocale(request);
                return "zh".equals(resolved.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : resolved;
            }
        };
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.CHINESE));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    /** {@code instance} on every meter, next to {@code service} (management.metrics.tags.service). */
    @Bean
    MeterFilter channelOpsInstanceTag(Environment environment) {
        return InstanceTag.filter(environment);
    }

    @Bean
    TraceIdsBinder traceIdsBinder(ObjectProvider<Tracer> tracer) {
        return new TraceIdsBinder(tracer.getIfAvailable());
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ChannelOpsProperties properties,
            ProblemResponses problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.web().maxBodySize(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc, ChannelOpsProperties properties,
            ProblemResponses problems) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(jdbc, problems, properties.web().maxBodySize(),
                        properties.web().idempotencyWait(), properties.web().idempotencyAbandonedAfter()));
        // after Spring Security's filter chain (-100): only authenticated requests reach it, and keys are per caller
        registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }

    @Bean
    Housekeeping platformHousekeeping(JdbcTemplate jdbc, Clock clock, ChannelOpsProperties properties) {
        return new Housekeeping(jdbc, clock, properties.web().idempotencyRetention(),
                properties.inboxRetention());
    }

    @Bean
    FlywayMigrationStrategy platformMigrations() {
        return new PlatformMigrations();
    }

    @Bean
    TransactionTemplate platformTransactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate platformTransactionTemplate,
            KafkaTemplate<String, String> kafka, MeterRegistry meters, Clock clock, ChannelOpsProperties properties) {
        var settings = properties.outbox();
        return new OutboxRelay(jdbc, platformTransactionTemplate, kafka, meters, clock, settings.batchSize(),
                settings.pollInterval(), settings.sendTimeout(), settings.retention());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, OutboxRelay relay, ChannelOpsProperties properties, Clock clock) {
        return new Outbox(jdbc, relay, properties.service().name(), clock);
    }

    @Bean
    InboundEvents inboundEvents(JdbcTemplate jdbc, TransactionTemplate platformTransactionTemplate, Clock clock,
            MeterRegistry meters) {
        return new InboundEvents(jdbc, platformTransactionTemplate, clock, meters);
    }

    @Bean
    DeadLetters deadLetters(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, Clock clock,
            MeterRegistry meters) {
        return new DeadLetters(jdbc, kafka, clock, meters);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    /** A zero dead-letter count for every topic the service listens to, before the first dead letter. */
    @Bean
    DeadLetterSeries deadLetterSeries(DeadLetters deadLetters,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new DeadLetterSeries(deadLetters, listeners);
    }

    /** Bounded retries with exponential back-off, then the dead letters; unreadable events skip the retries. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters, ChannelOpsProperties properties) {
        var kafka = properties.kafka();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(kafka.retryAttempts());
        backOff.setInitialInterval(kafka.retryInitialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(kafka.retryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    /** Feign clients read other services' answers leniently (additive API evolution). */
    @Bean
    @ConditionalOnMissingBean
    feign.codec.Decoder feignDecoder() {
        return new LenientJsonDecoder();
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
