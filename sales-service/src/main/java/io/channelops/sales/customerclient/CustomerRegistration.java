package io.channelops.sales.customerclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The body of customer-service's {@code POST /api/v1/customers}: exactly its fields, since it refuses unknown ones.
 *
 * @param code null lets customer-service generate one
 * @param type DIRECT, DISTRIBUTOR, DEALER, AGENT, RETAIL, GOVERNMENT or PARTNER
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerRegistration(@Nullable String code, String name, String type, String regionCode,
        @Nullable String email) {
}
