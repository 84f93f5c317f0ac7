package io.channelops.platform.test;

import io.channelops.platform.test.tokens.TestIssuer;
import java.util.List;
import java.util.Set;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Someone calling a service in a test: a user of the test org ({@link Callers}) or an integration client, with a
 * real token signed by the test JVM's {@link TestIssuer}.
 *
 * @param name how the access matrix reports this caller
 * @param id the token's {@code sub}
 * @param orgPath the token's {@code org_path}
 * @param roles a user's roles; empty for a client
 * @param scopes a client's scopes; empty for a user
 */
public record Caller(String name, String id, String orgPath, List<String> roles, Set<String> scopes) {

    public boolean client() {
        return roles.isEmpty();
    }

    /** A fresh access token of this caller. */
    public String token() {
        return client() ? TestIssuer.shared().clientToken(id, orgPath, scopes.toArray(String[]::new))
                : TestIssuer.shared().userToken(id, orgPath, roles.toArray(String[]::new));
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + token();
    }

    /** For MockMvc: {@code mvc.perform(get(...).with(REP_EAST_1.asCaller()))}. */
    public RequestPostProcessor asCaller() {
        String bearer = bearer();
        return request -> {
            request.removeHeader("Authorization");
            request.addHeader("Authorization", bearer);
            return request;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
