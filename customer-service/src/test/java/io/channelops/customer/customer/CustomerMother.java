package io.channelops.customer.customer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test customers through the API. Duplicate rules look at every customer of the shared test database, so each
 * customer gets a unique name, and {@link #phone()} / {@link #taxId()} give numbers no other test uses.
 */
final class CustomerMother {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MockMvc mvc;
    private final JsonMapper json;

    CustomerMother(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A mobile number no other test uses, written the international way: {@code +86 139 1234 5678}. */
    static String phone() {
        String digits = String.format("%08d", RANDOM.nextInt(100_000_000));
        return "+86 139 " + digits.substring(0, 4) + " " + digits.substring(4);
    }

    static String taxId() {
        return "9131" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
    }

    /** A body with a unique name, type DEALER and region EAST, overridden by {@code fields}. */
    static Map<String, Object> body(Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Customer "));
        body.put("type", "DEALER");
        body.put("regionCode", "EAST");
        body.putAll(fields);
        return body;
    }

    /** Fields from name-value pairs, in order. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    ResultActions register(Caller caller, Map<String, ?> fields) throws Exception {
        return mvc.perform(post("/api/v1/customers").with(caller.asCaller()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body(fields))));
    }

    JsonNode create(Caller caller, Map<String, ?> fields) throws Exception {
        return read(register(caller, fields).andExpect(status().isCreated()));
    }

    String createId(Caller caller, Map<String, ?> fields) throws Exception {
        return create(caller, fields).get("id").asString();
    }

    JsonNode get(Caller caller, String id) throws Exception {
        return read(mvc.perform(MockMvcRequestBuilders.get("/api/v1/customers/" + id).with(caller.asCaller()))
                .andExpect(status().isOk()));
    }

    /** PATCH with the customer's current ETag. */
    ResultActions change(Caller caller, String id, Map<String, ?> fields) throws Exception {
        long version = get(caller, id).get("version").asLong();
        return mvc.perform(patch("/api/v1/customers/" + id).with(caller.asCaller()).header("If-Match",
                "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(fields)));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
