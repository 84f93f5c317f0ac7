package io.channelops.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelops.customer.imports.CsvFile.CsvRow;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Rows to requests by field name, for any request type: here one with list, enum, date and structured fields. */
class RowConverterTest {

    enum Kind { DEALER, RETAIL }

    record Address(String city) {
    }

    record Sample(@NotBlank @Size(max = 10) String name, @Nullable Kind kind, @Nullable List<@Size(max = 5) String> tags,
            @Nullable Set<String> phones, @Nullable LocalDate since, @Nullable @Email String email,
            @Nullable List<Address> addresses) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final TargetFields FIELDS = TargetFields.of(JSON, Sample.class);

    private static RowConverter<Sample> converter(Map<String, String> mapping, List<String> header) {
        return new RowConverter<>(RowMapping.resolve(mapping, true, header, FIELDS), Sample.class, JSON, VALIDATOR);
    }

    private static Map<String, String> mapping(String... pairs) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            mapping.put(pairs[i], pairs[i + 1]);
        }
        return mapping;
    }

    @Test
    void detectsListFieldsFromTheTargetTypeNotFromTheirNames() {
        assertThat(FIELDS.kind("tags")).isEqualTo(TargetFields.Kind.LIST);
        assertThat(FIELDS.kind("phones")).isEqualTo(TargetFields.Kind.LIST);
        assertThat(FIELDS.kind("name")).isEqualTo(TargetFields.Kind.VALUE);
        assertThat(FIELDS.kind("since")).isEqualTo(TargetFields.Kind.VALUE);
        assertThat(FIELDS.kind("addresses")).isEqualTo(TargetFields.Kind.JSON);
        assertThat(FIELDS.names()).containsExactlyInAnyOrder("name", "kind", "tags", "phones", "since", "email",
                "addresses");
    }

    @Test
    void splitsListCellsAtSemicolonsAndJoinsSeveralColumnsOfOneListField() {
        List<String> header = List.of("Name", "Tags", "Phone 1", "Phone 2", "Since", "Kind", "Addresses");
        var converter = converter(mapping("Name", "name", "Tags", "tags", "Phone 1", "phones", "Phone 2", "phones",
                "Since", "since", "Kind", "kind", "Addresses", "addresses"), header);
        var converted = converter.convert(new CsvRow(1, 2, List.of("Acme", "vip; east ;;new", "+86 21 1", "+86 21 2",
                "2020-05-01", "dealer", "[{\"city\":\"Shanghai\"}]")));
        assertThat(converted.problems()).isEmpty();
        Sample sample = converted.request();
        assertThat(sample).isNotNull();
        assertThat(sample.tags()).containsExactly("vip", "east", "new");
        assertThat(sample.phones()).containsExactlyInAnyOrder("+86 21 1", "+86 21 2");
        assertThat(sample.since()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(sample.kind()).isEqualTo(Kind.DEALER);
        assertThat(sample.addresses()).containsExactly(new Address("Shanghai"));
    }

    @Test
    void reportsEveryInvalidFieldWithItsColumnAndEmptyCellsAsMissing() {
        var converter = converter(mapping("Name", "name", "Mail", "email", "Tags", "tags"),
                List.of("Name", "Mail", "Tags"));
        var converted = converter.convert(new CsvRow(7, 8, List.of("", "not-an-address", "toolong")));
        assertThat(converted.request()).isNull();
        assertThat(converted.problems()).extracting(RowProblem::row, RowProblem::line, RowProblem::column,
                        RowProblem::field, RowProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7L, 8L, "Mail", "email", "VALIDATION_FAILED"),
                        org.assertj.core.groups.Tuple.tuple(7L, 8L, "Name", "name", "VALIDATION_FAILED"),
                        org.assertj.core.groups.Tuple.tuple(7L, 8L, "Tags", "tags[0].<list element>",
                                "VALIDATION_FAILED"));
    }

    @Test
    void anUnknownEnumConstantNamesTheAllowedOnes() {
        var converter = converter(mapping("Name", "name", "Kind", "kind"), List.of("Name", "Kind"));
        var converted = converter.convert(new CsvRow(1, 2, List.of("Acme", "WHOLESALER")));
        assertThat(converted.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("INVALID_VALUE");
            assertThat(problem.field()).isEqualTo("kind");
            assertThat(problem.column()).isEqualTo("Kind");
            assertThat(problem.message()).contains("WHOLESALER").contains("DEALER");
        });
    }

    @Test
    void undecodableBytesInAMappedCellAreTheirOwnProblem() {
        var converter = converter(mapping("Name", "name"), List.of("Name"));
        var converted = converter.convert(new CsvRow(3, 4, List.of("Ac\uFFFDme")));
        assertThat(converted.problems()).extracting(RowProblem::code).containsExactly("INVALID_ENCODING");
    }

    @Test
    void refusesMappingsToFieldsTheTypeDoesNotHaveListingTheValidOnes() {
        assertThatThrownBy(() -> converter(mapping("Name", "name", "Fax", "fax"), List.of("Name", "Fax")))
                .isInstanceOfSatisfying(ImportRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("UNKNOWN_TARGET_FIELD");
                    assertThat(rejected.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("mapping.Fax");
                        assertThat(error.message()).contains("fax").contains("name, kind, tags");
                    });
                });
    }

    @Test
    void refusesColumnsTheHeaderDoesNotHaveAndScalarFieldsFromTwoColumns() {
        assertThatThrownBy(() -> converter(mapping("Nom", "name"), List.of("Name")))
                .isInstanceOfSatisfying(ImportRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("UNKNOWN_COLUMN"));
        assertThatThrownBy(() -> converter(mapping("A", "name", "B", "name"), List.of("A", "B")))
                .isInstanceOfSatisfying(ImportRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("DUPLICATE_TARGET"));
    }

    @Test
    void withoutAHeaderColumnsAreMappedByOneBasedNumber() {
        RowMapping mapping = RowMapping.resolve(mapping("2", "name"), false, List.of(), FIELDS);
        var converter = new RowConverter<>(mapping, Sample.class, JSON, VALIDATOR);
        assertThat(converter.convert(new CsvRow(1, 1, List.of("x", "Acme"))).request())
                .extracting(Sample::name).isEqualTo("Acme");
        assertThatThrownBy(() -> RowMapping.resolve(mapping("0", "name"), false, List.of(), FIELDS))
                .isInstanceOf(ImportRejected.class);
    }
}
