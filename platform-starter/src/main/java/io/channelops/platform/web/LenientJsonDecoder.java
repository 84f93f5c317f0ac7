package io.channelops.platform.web;

import feign.Response;
import feign.codec.Decoder;
import io.channelops.platform.outbox.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Decodes other services' JSON answers for Feign clients, ignoring fields this service does
 * not know: a provider may add fields to its responses without breaking its consumers.
 * (Requests that reach this service are read strictly instead.)
 */
public class LenientJsonDecoder implements Decoder {

    @Override
    public @Nullable Object decode(Response response, Type type) throws IOException {
        if (response.status() == 204 || response.body() == null || type == void.class || type == Void.class) {
            return null;
        }
        try (InputStream body = response.body().asInputStream()) {
            if (type == String.class) {
                return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            return EventJson.mapper().readValue(body, EventJson.mapper().constructType(type));
        }
    }
}
