package io.channelops.sales.lead.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The person interested: name required; title, phone and e-mail optional. */
@Schema(example = """
        {"name": "Li Wei", "title": "Head of Purchasing", "phone": "+86 21 5555 0100", "email": "li.wei@acme.example"}""")
public record ContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 100) String title,
        @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+()./ -]*") String phone,
        @Nullable @Email @Size(max = 200) String email) {
}
