package io.channelops.customer.attribute;

import io.channelops.customer.problem.DetailedProblem;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.FieldProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines custom attributes and checks the values customers carry against them. A value is stored as its canonical
 * text ({@code 12.5}, {@code 2024-03-01}, {@code true}) so that equal values compare equal in search filters.
 */
@Service
public class AttributeService {

    /** The longest value any attribute can hold (the column's size). */
    public static final int MAX_VALUE_LENGTH = 500;

    private final AttributeDefinitions definitions;
    private final Clock clock;

    public AttributeService(AttributeDefinitions definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AttributeDefinition> list() {
        return definitions.findAllByOrderByKeyAsc();
    }

    @Transactional(readOnly = true)
    public AttributeDefinition get(String key) {
        return definitions.findById(key).orElseThrow(() -> ApiProblem.notFound("attribute definition", key));
    }

    /** Defines a new attribute; 409 {@code ATTRIBUTE_KEY_TAKEN} when the key exists. */
    @Transactional
    public AttributeDefinition define(String key, AttributeType type, AttributeDefinition.Rules rules) {
        if (definitions.existsById(key)) {
            throw ApiProblem.conflict("ATTRIBUTE_KEY_TAKEN", "Attribute " + key + " is already defined", key);
        }
        check(type, rules);
        return definitions.save(new AttributeDefinition(key, type, rules,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
    }

    /** Changes label, required flag and validation; needs the definition's current version in If-Match. */
    @Transactional
    public AttributeDefinition change(String key, @Nullable String ifMatch, AttributeDefinition.Rules rules) {
        AttributeDefinition definition = get(key);
        ETags.requireMatch(ifMatch, definition.version(), "attribute definition", key);
        check(definition.type(), rules);
        definition.change(rules, Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        return definitions.saveAndFlush(definition);
    }

    /**
     * The attribute values a customer will carry after a write: {@code current} with {@code given} applied (a null
     * value removes the key). Each given value must fit its definition; with {@code requireAll} (a new customer, or
     * a change that touches attributes) every required attribute must have a value afterwards.
     *
     * @throws DetailedProblem 422 {@code INVALID_ATTRIBUTES} listing each bad key as {@code attributes.<key>}
     */
    @Transactional(readOnly = true)
    public Map<String, String> apply(Map<String, String> current, Map<String, @Nullable Object> given,
            boolean requireAll) {
        Map<String, AttributeDefinition> byKey = byKey();
        Map<String, String> result = new TreeMap<>(current);
        List<FieldProblem> errors = new ArrayList<>();
        given.forEach((key, value) -> {
            AttributeDefinition definition = byKey.get(key);
            if (definition == null) {
                errors.add(new FieldProblem("attributes." + key, "is not a defined attribute"));
            } else if (value == null) {
                result.remove(key);
            } else {
                try {
                    result.put(key, canonical(definition, value));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldProblem("attributes." + key, e.getMessage()));
                }
            }
        });
        if (requireAll) {
            Set<String> reported = errors.stream().map(FieldProblem::field).collect(Collectors.toSet());
            byKey.values().stream().filter(AttributeDefinition::required)
                    .filter(definition -> !result.containsKey(definition.key())
                            && !reported.contains("attributes." + definition.key()))
                    .forEach(definition -> errors.add(new FieldProblem("attributes." + definition.key(),
                            "is required")));
        }
        if (!errors.isEmpty()) {
            throw DetailedProblem.invalidFields("INVALID_ATTRIBUTES", errors.size() + " attribute(s) are invalid",
                    errors);
        }
        return result;
    }

    /**
     * The canonical text of a search filter's value ({@code attr.<key>=value}); 400 {@code INVALID_PARAMETER} for an
     * undefined key or a value the attribute cannot have.
     */
    @Transactional(readOnly = true)
    public String filterValue(String key, String value) {
        AttributeDefinition definition = definitions.findById(key).orElseThrow(() -> ApiProblem.badRequest(
                "INVALID_PARAMETER", "Parameter 'attr." + key + "' names no defined attribute", "attr." + key));
        try {
            return canonical(definition, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "Parameter 'attr." + key + "' has an invalid value",
                    "attr." + key);
        }
    }

    /**
     * Stored values as the API shows them: numbers as numbers, booleans as booleans, the rest as text.
     *
     * @param definitions the definitions by key, read once for many customers
     */
    public static Map<String, Object> present(Map<String, String> stored,
            Map<String, AttributeDefinition> definitions) {
        Map<String, Object> shown = new TreeMap<>();
        stored.forEach((key, value) -> {
            AttributeDefinition definition = definitions.get(key);
            AttributeType type = definition == null ? AttributeType.TEXT : definition.type();
            shown.put(key, switch (type) {
                case NUMBER -> new BigDecimal(value);
                case BOOLEAN -> Boolean.valueOf(value);
                default -> value;
            });
        });
        return shown;
    }

    private Map<String, AttributeDefinition> byKey() {
        return definitions.findAll().stream().collect(Collectors.toMap(AttributeDefinition::key,
                Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The canonical text of a value for a definition; IllegalArgumentException says what is wrong with it. */
    static String canonical(AttributeDefinition definition, Object value) {
        AttributeDefinition.Rules rules = definition.rules();
        return switch (definition.type()) {
            case TEXT -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException("must be text");
                }
                String stripped = text.strip();
                if (stripped.isEmpty()) {
                    throw new IllegalArgumentException("must not be blank");
                }
                int limit = rules.maxLength() == null ? MAX_VALUE_LENGTH : rules.maxLength();
                if (stripped.length() > limit) {
                    throw new IllegalArgumentException("must be at most " + limit + " characters long");
                }
                if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(stripped).matches()) {
                    throw new IllegalArgumentException("must match " + rules.pattern());
                }
                yield stripped;
            }
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = value instanceof Number || value instanceof String ? new BigDecimal(value.toString()
                            .strip()) : null;
                } catch (NumberFormatException e) {
                    number = null;
                }
                if (number == null) {
                    throw new IllegalArgumentException("must be a number");
                }
                if (rules.min() != null && number.compareTo(rules.min()) < 0) {
                    throw new IllegalArgumentException("must be at least " + rules.min().toPlainString());
                }
                if (rules.max() != null && number.compareTo(rules.max()) > 0) {
                    throw new IllegalArgumentException("must be at most " + rules.max().toPlainString());
                }
                String text = number.stripTrailingZeros().toPlainString();
                if (text.length() > 40) {
                    throw new IllegalArgumentException("has too many digits");
                }
                yield text;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(String.valueOf(value).strip()).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date (yyyy-MM-dd)");
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean bool) {
                    yield bool.toString();
                }
                if ("true".equals(value) || "false".equals(value)) {
                    yield (String) value;
                }
                throw new IllegalArgumentException("must be true or false");
            }
            case CHOICE -> {
                if (!(value instanceof String text) || !rules.options().contains(text.strip())) {
                    throw new IllegalArgumentException("must be one of " + rules.options());
                }
                yield text.strip();
            }
        };
    }

    /** Validation rules that fit the type; 422 {@code INVALID_ATTRIBUTE_DEFINITION} listing what does not. */
    static void check(AttributeType type, AttributeDefinition.Rules rules) {
        List<FieldProblem> errors = new ArrayList<>();
        if (type != AttributeType.TEXT && rules.maxLength() != null) {
            errors.add(new FieldProblem("maxLength", "applies to TEXT attributes only"));
        }
        if (rules.maxLength() != null && (rules.maxLength() < 1 || rules.maxLength() > MAX_VALUE_LENGTH)) {
            errors.add(new FieldProblem("maxLength", "must be between 1 and " + MAX_VALUE_LENGTH));
        }
        if (rules.pattern() != null) {
            if (type != AttributeType.TEXT) {
                errors.add(new FieldProblem("pattern", "applies to TEXT attributes only"));
            }
            try {
                Pattern.compile(rules.pattern());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldProblem("pattern", "is not a valid regular expression"));
            }
        }
        if (type != AttributeType.NUMBER && (rules.min() != null || rules.max() != null)) {
            errors.add(new FieldProblem(rules.min() != null ? "min" : "max", "applies to NUMBER attributes only"));
        }
        if (rules.min() != null && rules.max() != null && rules.min().compareTo(rules.max()) > 0) {
            errors.add(new FieldProblem("min", "must not be greater than max"));
        }
        if (type == AttributeType.CHOICE && rules.options().isEmpty()) {
            errors.add(new FieldProblem("options", "a CHOICE attribute needs at least one option"));
        }
        if (type != AttributeType.CHOICE && !rules.options().isEmpty()) {
            errors.add(new FieldProblem("options", "applies to CHOICE attributes only"));
        }
        Set<String> seen = new HashSet<>();
        if (!rules.options().stream().allMatch(seen::add)) {
            errors.add(new FieldProblem("options", "must not repeat an option"));
        }
        if (!errors.isEmpty()) {
            throw DetailedProblem.invalidFields("INVALID_ATTRIBUTE_DEFINITION",
                    errors.size() + " rule(s) do not fit a " + type + " attribute", errors);
        }
    }
}
