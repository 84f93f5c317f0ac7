package io.channelops.customer.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One phone number of a customer as it was entered, with its label and its {@link PhoneNumbers normalized} form. */
@Embeddable
public class Phone {

    @Column(name = "phone_number", nullable = false, length = 40)
    private String number;

    @Column(name = "label", length = 40)
    private @Nullable String label;

    @Column(name = "normalized", nullable = false, length = 20)
    private String normalized;

    protected Phone() {
        // for JPA
        this.number = "";
        this.normalized = "";
    }

    public Phone(String number, @Nullable String label, String normalized) {
        this.number = number;
        this.label = label;
        this.normalized = normalized;
    }

    public String number() {
        return number;
    }

    public @Nullable String label() {
        return label;
    }

    public String normalized() {
        return normalized;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Phone phone && number.equals(phone.number) && Objects.equals(label, phone.label)
                && normalized.equals(phone.normalized);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, label, normalized);
    }

    @Override
    public String toString() {
        return label == null ? number : number + " (" + label + ")";
    }
}
