package io.channelops.sales.opportunity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds opportunities through the API for tests: small, named steps instead of JSON in every test. */
public final class OpportunityApi {

    private final MockMvc mvc;
    private final JsonMapper json;

    public OpportunityApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A customer id no other test uses, so lists filtered by it hold only this test's opportunities. */
    public static String uniqueCustomer() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 13).toLowerCase(Locale.ROOT);
    }

    /** Opens an opportunity as {@code caller} in the first open stage; returns its id. */
    public String open(Caller caller, String customerId, String amount, String currency, String expectedClose) {
        return open(caller, customerId, amount, currency, expectedClose, null, null);
    }

    /** Opens an opportunity as {@code caller}; a null stage or probability leaves the default. */
    public String open(Caller caller, String customerId, String amount, String currency, String expectedClose,
            @Nullable String stage, @Nullable Integer probability) {
        String body = """
                {"name":"Deal of %s","customerId":"%s","amount":{"amount":%s,"currency":"%s"},
                 "expectedCloseDate":"%s"%s%s}""".formatted(customerId, customerId, amount, currency, expectedClose,
                stage == null ? "" : ",\"stage\":\"" + stage + "\"",
                probability == null ? "" : ",\"probability\":" + probability);
        return send(caller, "/api/v1/opportunities", body, 201).get("id").asString();
    }

    public JsonNode move(Caller caller, String id, String stage) {
        return send(caller, "/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"" + stage + "\"}", 200);
    }

    public JsonNode win(Caller caller, String id) {
        return send(caller, "/api/v1/opportunities/" + id + "/win", "{}", 200);
    }

    public JsonNode lose(Caller caller, String id, String reason, @Nullable String competitor) {
        return send(caller, "/api/v1/opportunities/" + id + "/lose", "{\"reason\":\"" + reason + "\""
                + (competitor == null ? "" : ",\"competitor\":\"" + competitor + "\"") + "}", 200);
    }

    public JsonNode note(Caller caller, String id, String text) {
        return send(caller, "/api/v1/opportunities/" + id + "/activities", "{\"text\":\"" + text + "\"}", 201);
    }

    private JsonNode send(Caller caller, String path, String body, int expected) {
        try {
            MvcResult result = mvc.perform(post(path).with(caller.asCaller()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().is(expected)).andReturn();
            return json.readTree(result.getResponse().getContentAsString());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " as " + caller + " failed", e);
        }
    }
}
