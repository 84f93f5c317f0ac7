package io.channelops.platform.web;

import io.channelops.platform.observability.TraceIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every problem body ChannelOps answers with: RFC 9457 fields plus a stable
 * {@code code}, the invalid {@code errors[]} and the {@code traceId}. Titles and details
 * come from {@code io/channelops/platform/problems*.properties} (and a service's own
 * {@code problems*.properties} at the class path root, for its own codes) in the request's
 * language, English by default.
 */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://channelops.io/problems/";

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
        messages.setBasenames("io/channelops/platform/problems");
        if (new ClassPathResource("problems.properties").exists()) {
            messages.addBasenames("problems");
        }
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    public ProblemDetail body(HttpStatusCode status, String code, String defaultDetail, Object[] args,
            List<FieldProblem> errors) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(message("problem." + code + ".title", args, locale,
                message("status." + status.value() + ".title", args, locale, defaultTitle(status))));
        problem.setDetail(message("problem." + code + ".detail", args, locale, defaultDetail));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        problem.setProperty("traceId", TraceIds.current());
        return problem;
    }

    public ResponseEntity<Object> entity(HttpStatusCode status, String code, String defaultDetail, Object[] args,
            List<FieldProblem> errors, @Nullable HttpHeaders headers) {
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body(status, code, defaultDetail, args, errors), responseHeaders, status);
    }

    /** Writes a problem straight to the response, for filters that answer before any controller runs. */
    public void write(HttpServletResponse response, HttpStatus status, String code, String defaultDetail,
            Object... args) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(status, code, defaultDetail, args, List.of()));
    }

    /** A localized message by key, or {@code fallback} when neither bundle has it. */
    public String message(String key, Object[] args, Locale locale, String fallback) {
        try {
            return messages.getMessage(key, args, locale);
        }
        catch (NoSuchMessageException ex) {
            return fallback;
        }
    }

    private static String defaultTitle(HttpStatusCode status) {
        return status instanceof org.springframework.http.HttpStatus known ? known.getReasonPhrase() : "Error";
    }
}
