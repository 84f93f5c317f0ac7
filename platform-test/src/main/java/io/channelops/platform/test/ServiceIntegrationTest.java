package io.channelops.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service against the shared real MariaDB server and the real Kafka broker, with
 * MockMvc for its HTTP API. Classes with the same extra configuration share one context.
 *
 * <p>MockMvc requests carry a token of {@link Callers#DEFAULT} (administrator and director at head office) unless
 * they set their own {@code Authorization} header, e.g. {@code .with(Callers.REP_EAST_1.asCaller())}. Access rules
 * are tested with {@link AccessMatrix} and real HTTP calls.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PlatformTestInitializer.class)
@Import(DefaultCaller.class)
public @interface ServiceIntegrationTest {
}
