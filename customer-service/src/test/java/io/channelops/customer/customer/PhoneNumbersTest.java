package io.channelops.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+86 138 1234 5678", "+86-138-1234-5678", "0086 13812345678", "138 1234 5678",
            "13812345678", "(+86) 138.1234.5678", "+8613812345678"})
    void everyWayOfWritingAChineseMobileNumberIsTheSameNumber(String written) {
        assertThat(PhoneNumbers.normalize(written, "86")).hasValue("8613812345678");
    }

    @Test
    void aNationalNumberLosesItsTrunkZeroAndGetsTheDefaultCountryCode() {
        assertThat(PhoneNumbers.normalize("021-6123 4567", "86")).hasValue("862161234567");
        assertThat(PhoneNumbers.normalize("030 1234567", "49")).hasValue("49301234567");
        assertThat(PhoneNumbers.normalize("+49 30 1234567", "86")).hasValue("49301234567");
    }

    @Test
    void textThatIsNoPhoneNumberHasNoNormalizedForm() {
        assertThat(PhoneNumbers.normalize("call me", "86")).isEmpty();
        assertThat(PhoneNumbers.normalize("+1 2", "86")).isEmpty();
        assertThat(PhoneNumbers.normalize("+1234567890123456", "86")).as("more than 15 digits").isEmpty();
        assertThat(PhoneNumbers.normalize("555 0100 ext 12", "86")).isEmpty();
        assertThat(PhoneNumbers.normalize("+0 555 0100", "86")).isEmpty();
    }
}
