package io.channelops.customer.imports.web;

import io.channelops.customer.imports.ImportSettings;
import io.channelops.platform.ChannelOpsProperties;
import io.channelops.platform.web.BodySizeLimitFilter;
import io.channelops.platform.web.IdempotencyFilter;
import io.channelops.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request size limits for the import upload, which is far larger than any JSON body:
 * <ul>
 *   <li>multipart: a file part up to {@code channelops.customer.imports.max-bytes}, the whole request up to that
 *       plus 1 MiB (the options part and the framing); over it Spring's {@code MaxUploadSizeExceededException}
 *       answers 413 {@code PAYLOAD_TOO_LARGE} through the platform's problem handler;</li>
 *   <li>the platform's body size filter ({@code channelops.web.max-body-size}, 1 MiB) keeps guarding every other
 *       request; {@code POST /api/v1/customers/imports} gets the upload limit instead, with the same 413 problem
 *       when the declared length is over it;</li>
 *   <li>an {@code Idempotency-Key} on the upload is ignored: the platform's idempotency filter would buffer (and
 *       refuse) a multi-megabyte body, and an upload is already idempotent by its content and options.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    static final String UPLOAD_PATH = "/api/v1/customers/imports";
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(ImportSettings settings) {
        long max = settings.maxBytes().toBytes();
        return new MultipartConfigElement("", max, max + MULTIPART_OVERHEAD, 0);
    }

    @Bean
    static BeanPostProcessor importUploadBodyLimit(ObjectProvider<ImportSettings> settings,
            ObjectProvider<ChannelOpsProperties> platform, ObjectProvider<ProblemResponses> problems) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof BodySizeLimitFilter
                        && !(registration.getFilter() instanceof UploadAwareBodySizeLimit)) {
                    long upload = settings.getObject().maxBytes().toBytes() + MULTIPART_OVERHEAD;
                    ((FilterRegistrationBean<BodySizeLimitFilter>) registration).setFilter(
                            new UploadAwareBodySizeLimit(platform.getObject().web().maxBodySize(), upload,
                                    problems.getObject()));
                }
                return bean;
            }
        };
    }

    /** The platform's body size limit, with the upload limit on the import upload. */
    static final class UploadAwareBodySizeLimit extends BodySizeLimitFilter {

        private final BodySizeLimitFilter uploads;

        UploadAwareBodySizeLimit(long limit, long uploadLimit, ProblemResponses problems) {
            super(limit, problems);
            this.uploads = new BodySizeLimitFilter(uploadLimit, problems);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && isUpload(request.getRequestURI())) {
                uploads.doFilter(new WithoutIdempotencyKey(request), response, chain);
            } else {
                super.doFilterInternal(request, response, chain);
            }
        }

        private static boolean isUpload(String uri) {
            return uri.equals(UPLOAD_PATH) || uri.equals(UPLOAD_PATH + "/");
        }
    }

    private static final class WithoutIdempotencyKey extends HttpServletRequestWrapper {

        WithoutIdempotencyKey(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return IdempotencyFilter.HEADER.equalsIgnoreCase(name);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(WithoutIdempotencyKey::hidden);
            return Collections.enumeration(names);
        }
    }
}
