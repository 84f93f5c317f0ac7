package io.channelops.customer.attribute;

import static io.channelops.platform.test.Callers.ADMIN;
import static io.channelops.platform.test.Callers.REP_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Custom attributes: administrators define them, customers carry values that fit them. */
@ServiceIntegrationTest
class AttributeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private static String key(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResultActions define(Map<String, ?> definition) throws Exception {
        return mvc.perform(post("/api/v1/customer-attributes").with(ADMIN.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(definition)));
    }

    private ResultActions register(Map<String, ?> attributes) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Attr " + UUID.randomUUID());
        body.put("type", "DEALER");
        body.put("regionCode", "EAST");
        body.put("attributes", attributes);
        return mvc.perform(post("/api/v1/customers").with(REP_EAST_1.asCaller())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void anAdministratorDefinesAttributesThatEveryReaderCanList() throws Exception {
        String key = key("channel");
        define(Map.of("key", key, "label", "Sales channel", "type", "CHOICE", "options", List.of("online", "store")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/customer-attributes/" + key))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.key").value(key))
                .andExpect(jsonPath("$.required").value(false))
                .andExpect(jsonPath("$.options[1]").value("store"));
        define(Map.of("key", key, "label", "Again", "type", "TEXT")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ATTRIBUTE_KEY_TAKEN"));
        mvc.perform(get("/api/v1/customer-attributes").with(REP_EAST_1.asCaller())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.key == '" + key + "')].label").value("Sales channel"));
        mvc.perform(get("/api/v1/customer-attributes/" + key).with(ADMIN.asCaller())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/customer-attributes").with(Callers.DIRECTOR.asCaller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"" + key("nope") + "\",\"label\":\"No\",\"type\":\"TEXT\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ACCESS_DENIED"));

        mvc.perform(put("/api/v1/customer-attributes/" + key).with(ADMIN.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"Channel\",\"required\":true,"
                                + "\"options\":[\"online\",\"store\",\"b2b\"]}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.label").value("Channel")).andExpect(jsonPath("$.required").value(true))
                .andExpect(jsonPath("$.type").value("CHOICE"));
        mvc.perform(put("/api/v1/customer-attributes/" + key).with(ADMIN.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"Stale\",\"options\":[\"x\"]}"))
                .andExpect(status().isPreconditionFailed());
        try {
            // from now on every new customer needs it
            register(Map.of()).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("INVALID_ATTRIBUTES"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'attributes." + key + "')].message")
                            .value("is required"));
            register(Map.of(key, "b2b")).andExpect(status().isCreated());
        } finally {
            // optional again for the other tests
            mvc.perform(put("/api/v1/customer-attributes/" + key).with(ADMIN.asCaller()).header("If-Match", "\"1\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"label\":\"Channel\",\"options\":[\"online\"]}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/customer-attributes/" + key("missing"))).andExpect(status().isNotFound());
    }

    @Test
    void rulesMustFitTheType() throws Exception {
        define(Map.of("key", key("bad"), "label", "Bad", "type", "NUMBER", "maxLength", 5, "pattern", "[",
                "options", List.of("a")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_ATTRIBUTE_DEFINITION"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("maxLength", "pattern", "options")));
        define(Map.of("key", key("choice"), "label", "Choice", "type", "CHOICE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("options"));
        define(Map.of("key", "Not A Key", "label", "Bad key", "type", "TEXT")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        define(Map.of("key", key("type"), "label", "Bad type", "type", "COLOUR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"));
    }

    @Test
    void customersCarryValuesThatFitTheirDefinitionsAndEachBadOneIsNamed() throws Exception {
        String text = key("code");
        String number = key("days");
        String date = key("since");
        String flag = key("vat");
        define(Map.of("key", text, "label", "Code", "type", "TEXT", "maxLength", 7, "pattern", "[A-Z]{2}-[0-9]{4}"))
                .andExpect(status().isCreated());
        define(Map.of("key", number, "label", "Days", "type", "NUMBER", "min", 0, "max", 90))
                .andExpect(status().isCreated());
        define(Map.of("key", date, "label", "Since", "type", "DATE")).andExpect(status().isCreated());
        define(Map.of("key", flag, "label", "VAT", "type", "BOOLEAN")).andExpect(status().isCreated());

        Map<String, Object> bad = new HashMap<>();
        bad.put(text, "sh-12345");
        bad.put(number, 91);
        bad.put(date, "2024-02-30");
        bad.put(flag, "yes");
        bad.put("undefined_" + UUID.randomUUID().toString().substring(0, 4), "x");
        long before = count();
        register(bad).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_ATTRIBUTES"))
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("attributes." + text,
                        "attributes." + number, "attributes." + date, "attributes." + flag)));
        assertThat(count()).isEqualTo(before);

        String id = json.readTree(register(Map.of(text, "SH-1234", number, "30.50", date, "2024-02-29", flag, true))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attributes." + number).value(30.5))
                .andExpect(jsonPath("$.attributes." + flag).value(true))
                .andExpect(jsonPath("$.attributes." + date).value("2024-02-29"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        assertThat(jdbc.queryForObject("SELECT attr_value FROM customer_attributes WHERE customer_id = ? "
                + "AND attr_key = ?", String.class, id, number)).isEqualTo("30.5");

        // a change sets and removes key by key; a bad value changes nothing
        // (null written by hand: the service's JSON mapper leaves null values out)
        mvc.perform(patch("/api/v1/customers/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"attributes\":{\"" + number + "\":45,\"" + flag + "\":null}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributes." + number).value(45))
                .andExpect(jsonPath("$.attributes." + flag).doesNotExist())
                .andExpect(jsonPath("$.attributes." + text).value("SH-1234"));
        mvc.perform(patch("/api/v1/customers/" + id).with(REP_EAST_1.asCaller()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("attributes", Map.of(number, "many")))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("attributes." + number));
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        return count == null ? 0 : count;
    }
}
