package io.channelops.customer.customer;

import static io.channelops.platform.test.Callers.REP_EAST_1;
import static io.channelops.platform.test.Callers.REP_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.channelops.platform.test.Caller;
import io.channelops.platform.test.Callers;
import io.channelops.platform.test.ServiceIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/customers/export}: the filtered list as CSV, every row, streamed. */
@ServiceIntegrationTest
class ExportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArchiveProperties properties;

    @Value("${local.server.port}")
    int port;

    CustomerMother customers;

    @BeforeEach
    void setUp() {
        customers = new CustomerMother(mvc, json);
    }

    private String export(Caller caller, String... parameters) throws Exception {
        var request = get("/api/v1/customers/export").with(caller.asCaller());
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return new String(mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.matchesPattern("attachment; filename=\"customers-[0-9-]+\\.csv\"")))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheFilteredCustomersWithEveryColumnEscapedAsRfc4180Requires() throws Exception {
        String key = "exp_" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/customer-attributes").with(Callers.ADMIN.asCaller())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\",\"label\":\"Region manager\",\"type\":\"TEXT\"}"))
                .andExpect(status().isCreated());
        String m = CustomerMother.unique("Exp");
        String phone = CustomerMother.phone();
        var tricky = customers.create(REP_EAST_1, Map.of("name", m + " \"Best\", Ltd.", "legalName", "=1+2",
                "city", "Shang\nhai", "phones", List.of(Map.of("number", phone, "label", "office")),
                "tags", List.of("vip", "b2b"), "routeCode", "R7", "routeStop", 4,
                "addresses", List.of(Map.of("kind", "BILLING", "line1", "1 Main St", "city", "Shanghai",
                        "countryCode", "cn", "default", true)),
                "attributes", Map.of(key, "Wang, Li")));
        customers.create(REP_EAST_1, Map.of("name", m + " plain", "type", "RETAIL"));
        customers.create(REP_WEST_1, Map.of("name", m + " west"));

        String csv = export(REP_EAST_1, "q", m, "sort", "name");
        assertThat(csv).startsWith("\uFEFF");
        List<List<String>> rows = parse(csv.substring(1));
        List<String> header = rows.getFirst();
        assertThat(header.subList(0, 5)).containsExactly("id", "code", "name", "legalName", "taxId");
        assertThat(header).contains("attr." + key, "phones", "tags", "billingAddress", "lastActivityAt");
        assertThat(rows).hasSize(3);
        Map<String, String> first = row(header, rows.get(1));
        assertThat(first.get("id")).isEqualTo(tricky.get("id").asString());
        assertThat(first.get("name")).isEqualTo(m + " \"Best\", Ltd.");
        assertThat(first.get("legalName")).as("no formula reaches a spreadsheet").isEqualTo("'=1+2");
        assertThat(first.get("city")).isEqualTo("Shang\nhai");
        assertThat(first.get("phones")).isEqualTo(phone + " (office)");
        assertThat(first.get("tags")).isEqualTo("b2b; vip");
        assertThat(first.get("routeCode")).isEqualTo("R7");
        assertThat(first.get("routeStop")).isEqualTo("4");
        assertThat(first.get("billingAddress")).isEqualTo("1 Main St, Shanghai, CN");
        assertThat(first.get("shippingAddress")).isEmpty();
        assertThat(first.get("attr." + key)).isEqualTo("Wang, Li");
        assertThat(first.get("ownerId")).isEqualTo(REP_EAST_1.id());
        assertThat(first.get("createdAt")).isEqualTo(tricky.get("createdAt").asString());
        assertThat(row(header, rows.get(2)).get("type")).isEqualTo("RETAIL");
        assertThat(row(header, rows.get(2)).get("attr." + key)).isEmpty();

        assertThat(export(REP_EAST_1, "q", m, "bom", "false")).startsWith("id,code,");
        assertThat(parse(export(REP_EAST_1, "q", m, "type", "RETAIL").substring(1))).hasSize(2);
        mvc.perform(get("/api/v1/customers/export").param("type", "FRIEND")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void streamsEveryRowOfALongListWithoutAPageLimitAndOnlyWhatTheCallerSees() throws Exception {
        assertThat(properties.exportFetchSize()).as("MySQL Connector/J streams a result set row by row only with "
                + "this fetch size").isEqualTo(Integer.MIN_VALUE);
        String m = CustomerMother.unique("Bulk");
        int rows = 3000;
        List<Object[]> batch = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < rows; i++) {
            batch.add(new Object[] {UUID.randomUUID().toString(), "B" + UUID.randomUUID().toString().substring(0, 12),
                    m + " " + i, "RETAIL", "WEST", now, now, REP_WEST_1.id(), Callers.WEST_1});
        }
        jdbc.batchUpdate("INSERT INTO customers (id, code, name, type, region_code, created_at, updated_at, version, "
                + "owner_id, org_path) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", batch);

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/customers/export?bom=false&sort=name&q=" + m))
                .header("Authorization", REP_WEST_1.bearer()).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<java.io.InputStream> response = http.send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).as("written as it is read, not buffered")
                    .isEmpty();
            assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
            int lines = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line = reader.readLine();
                assertThat(line).startsWith("id,code,name,");
                while ((line = reader.readLine()) != null) {
                    assertThat(line).contains(m + " ");
                    lines++;
                }
            }
            assertThat(lines).isEqualTo(rows);
        }
        assertThat(parse(export(REP_EAST_1, "q", m).substring(1))).as("another rep's customers are not exported")
                .hasSize(1);
    }

    private static Map<String, String> row(List<String> header, List<String> values) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        return row;
    }

    /** An RFC 4180 reader: quoted values may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(value.toString());
                value.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(value.toString());
                value.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                value.append(c);
            }
        }
        assertThat(value).as("every line ends with CRLF").isEmpty();
        return rows;
    }
}
