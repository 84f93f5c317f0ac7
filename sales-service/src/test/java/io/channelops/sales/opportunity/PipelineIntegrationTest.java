package io.channelops.sales.opportunity;

import io.channelops.platform.test.ServiceIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The whole service with its real database and broker ({@link ServiceIntegrationTest}), with a {@link PipelineClock}
 * the test can stop and move. Every pipeline test class shares this one context.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ServiceIntegrationTest
@Import(PipelineClock.Config.class)
public @interface PipelineIntegrationTest {
}
