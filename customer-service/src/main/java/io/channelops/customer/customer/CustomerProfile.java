package io.channelops.customer.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a client may set on a customer, normalized (trimmed, codes in upper case, tags in lower case, phones
 * with their normalized form, attribute values in their canonical text). The component names are the API's field
 * names: {@link Customer#update} reports changes by them.
 */
public record CustomerProfile(String name, @Nullable String legalName, @Nullable String taxId, CustomerType type,
        CustomerLevel level, @Nullable String grade, CustomerStatus status, @Nullable String industry,
        @Nullable String companySize, String regionCode, @Nullable String routeCode, @Nullable Integer routeStop,
        @Nullable String city, @Nullable String email, @Nullable String website, @Nullable LocalDate establishedDate,
        List<Phone> phones, List<Address> addresses, Set<String> tags, Map<String, String> attributes) {

    public CustomerProfile {
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
        tags = Set.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }
}
