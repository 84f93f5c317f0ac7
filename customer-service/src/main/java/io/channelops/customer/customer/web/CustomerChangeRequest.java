package io.channelops.customer.customer.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Changes a customer; absent fields stay as they are, an empty email removes it. */
@Schema(example = """
        {"name": "Acme Trading (Shanghai) Co., Ltd."}""")
public record CustomerChangeRequest(
        @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String name,
        @Nullable @Email @Size(max = 200) String email) {
}
