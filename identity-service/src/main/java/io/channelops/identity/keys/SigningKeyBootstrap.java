package io.channelops.identity.keys;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Makes sure there is an active signing key when the service starts. */
@Component
class SigningKeyBootstrap implements ApplicationRunner {

    private final SigningKeyService keys;

    SigningKeyBootstrap(SigningKeyService keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.ensureActiveKey();
    }
}
