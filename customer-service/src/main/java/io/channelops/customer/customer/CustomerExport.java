package io.channelops.customer.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The export's columns, in order: {@value #FIXED_COLUMNS}, then {@code attr.<key>} for each defined custom attribute
 * (by key). Lists are joined with {@code "; "}: phones as {@code number (label)} in their order, tags sorted;
 * {@code billingAddress} and {@code shippingAddress} are the default (else first) address of that kind as one
 * line; times are ISO-8601 UTC, dates {@code yyyy-MM-dd}.
 */
public final class CustomerExport {

    static final String FIXED_COLUMNS = "id, code, name, legalName, taxId, type, level, grade, status, industry, "
            + "companySize, regionCode, routeCode, routeStop, city, email, website, establishedDate, parentId, "
            + "phones, tags, "
            + "billingAddress, shippingAddress, ownerId, orgPath, lastActivityAt, lastOrderAt, createdAt, updatedAt";

    private CustomerExport() {
    }

    static List<String> header(List<String> attributeKeys) {
        List<String> header = new ArrayList<>(List.of(FIXED_COLUMNS.split(", ")));
        attributeKeys.forEach(key -> header.add("attr." + key));
        return header;
    }

    static List<@Nullable Object> row(ResultSet rs, int attributeCount) throws SQLException {
        List<@Nullable Object> row = new ArrayList<>();
        for (String column : List.of("id", "code", "name", "legal_name", "tax_id", "type", "level", "grade",
                "status", "industry", "company_size", "region_code", "route_code")) {
            row.add(rs.getString(column));
        }
        int stop = rs.getInt("route_stop");
        row.add(rs.wasNull() ? null : stop);
        row.add(rs.getString("city"));
        row.add(rs.getString("email"));
        row.add(rs.getString("website"));
        row.add(rs.getString("established_date"));
        row.add(rs.getString("parent_id"));
        row.add(rs.getString("phone_list"));
        row.add(rs.getString("tag_list"));
        row.add(rs.getString("billing_address"));
        row.add(rs.getString("shipping_address"));
        row.add(rs.getString("owner_id"));
        row.add(rs.getString("org_path"));
        row.add(CustomerQueries.instant(rs, "last_activity_at"));
        row.add(CustomerQueries.instant(rs, "last_order_at"));
        row.add(CustomerQueries.instant(rs, "created_at"));
        row.add(CustomerQueries.instant(rs, "updated_at"));
        for (int i = 0; i < attributeCount; i++) {
            row.add(rs.getString("attr_" + i));
        }
        return row;
    }
}
