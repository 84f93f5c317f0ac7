package io.channelops.platform.observability;

import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/** Hands the application's tracer to {@link TraceIds} for the life of the context. */
public class TraceIdsBinder implements DisposableBean {

    public TraceIdsBinder(@Nullable Tracer tracer) {
        TraceIds.use(tracer);
    }

    @Override
    public void destroy() {
        TraceIds.use(null);
    }
}
