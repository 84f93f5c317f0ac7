package io.channelops.platform.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;

/**
 * Authorizes every Feign call: while serving a request it relays the caller's own token, so the called service
 * applies the caller's permissions and data scope; in background and event-driven work (no caller) it uses this
 * service's own client-credentials token.
 */
public final class TokenRelay implements RequestInterceptor {

    private final ServiceToken serviceToken;

    public TokenRelay(ServiceToken serviceToken) {
        this.serviceToken = serviceToken;
    }

    @Override
    public void apply(RequestTemplate template) {
        String token = CurrentUser.current().map(CurrentUser::token).orElseGet(serviceToken::value);
        template.removeHeader(HttpHeaders.AUTHORIZATION);
        template.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
