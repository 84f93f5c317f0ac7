package io.channelops.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The trace id of the current request or message: the active span's when tracing runs,
 * else the request id, so every problem body and log line can be correlated.
 */
public final class TraceIds {

    private static volatile @Nullable Tracer tracer;

    private TraceIds() {
    }

    static void use(@Nullable Tracer current) {
        tracer = current;
    }

    public static String current() {
        Tracer active = tracer;
        if (active != null) {
            Span span = active.currentSpan();
            if (span != null) {
                return span.context().traceId();
            }
        }
        String mdc = MDC.get("traceId");
        if (mdc != null && !mdc.isBlank()) {
            return mdc;
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        return requestId == null ? "" : requestId;
    }

    /** W3C {@code traceparent} of the active span, or null when none is active. */
    public static @Nullable String traceparent() {
        Tracer active = tracer;
        if (active == null) {
            return null;
        }
        Span span = active.currentSpan();
        if (span == null) {
            return null;
        }
        var context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
