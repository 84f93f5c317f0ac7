package io.channelops.customer.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A billing, shipping or other address of a customer; at most one of each kind is the default. */
@Embeddable
public class Address {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10)
    private AddressKind kind;

    @Column(name = "line1", nullable = false, length = 200)
    private String line1;

    @Column(name = "line2", length = 200)
    private @Nullable String line2;

    @Column(name = "city", length = 100)
    private @Nullable String city;

    @Column(name = "province", length = 100)
    private @Nullable String province;

    @Column(name = "postal_code", length = 20)
    private @Nullable String postalCode;

    @Column(name = "country_code", length = 2)
    private @Nullable String countryCode;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    protected Address() {
        // for JPA
        this.kind = AddressKind.OTHER;
        this.line1 = "";
    }

    public Address(AddressKind kind, String line1, @Nullable String line2, @Nullable String city,
            @Nullable String province, @Nullable String postalCode, @Nullable String countryCode, boolean isDefault) {
        this.kind = kind;
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.province = province;
        this.postalCode = postalCode;
        this.countryCode = countryCode;
        this.isDefault = isDefault;
    }

    /** The same address, no longer the default of its kind. */
    Address notDefault() {
        return new Address(kind, line1, line2, city, province, postalCode, countryCode, false);
    }

    /** Same place, whichever is the default. */
    boolean samePlace(Address other) {
        return kind == other.kind && line1.equals(other.line1) && Objects.equals(line2, other.line2)
                && Objects.equals(city, other.city) && Objects.equals(province, other.province)
                && Objects.equals(postalCode, other.postalCode) && Objects.equals(countryCode, other.countryCode);
    }

    public AddressKind kind() {
        return kind;
    }

    public String line1() {
        return line1;
    }

    public @Nullable String line2() {
        return line2;
    }

    public @Nullable String city() {
        return city;
    }

    public @Nullable String province() {
        return province;
    }

    public @Nullable String postalCode() {
        return postalCode;
    }

    public @Nullable String countryCode() {
        return countryCode;
    }

    public boolean isDefault() {
        return isDefault;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Address address && samePlace(address) && isDefault == address.isDefault;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, line1, line2, city, province, postalCode, countryCode, isDefault);
    }
}
