package io.channelops.customer.customer.web;

import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.customer.customer.CustomerType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A customer of a relationship tree, the customers below it (nested), and roll-up counts of its descendants. Only
 * customers the caller may see are shown and counted.
 */
@Schema(example = """
        {"id": "a1", "code": "DIST-EAST", "name": "East Distribution", "type": "DISTRIBUTOR", "level": "KEY",
         "status": "ACTIVE", "ownerId": "u-rep-east1-a", "depth": 0,
         "rollup": {"descendants": 3, "byType": {"DEALER": 1, "RETAIL": 2}},
         "children": [{"id": "b1", "code": "DEAL-SH", "name": "Shanghai Dealer", "type": "DEALER", "level": "NORMAL",
                       "status": "ACTIVE", "ownerId": "u-rep-east1-a", "depth": 1,
                       "rollup": {"descendants": 2, "byType": {"RETAIL": 2}},
                       "children": [{"id": "c1", "code": "OUT-1", "name": "Outlet 1", "type": "RETAIL",
                                     "level": "MINOR", "status": "ACTIVE", "ownerId": "u-rep-east1-a", "depth": 2,
                                     "rollup": {"descendants": 0, "byType": {}}, "children": []}]}]}""")
public record CustomerTreeResponse(String id, String code, String name, CustomerType type, CustomerLevel level,
        CustomerStatus status, String ownerId,
        @Schema(description = "Levels below the requested customer (its real distance, even when customers in "
                + "between are hidden)") int depth,
        Rollup rollup, List<CustomerTreeResponse> children) {

    /** Visible descendants: in total and by customer type. */
    public record Rollup(int descendants, Map<CustomerType, Integer> byType) {
    }

    static CustomerTreeResponse of(CustomerService.TreeNode node) {
        return new CustomerTreeResponse(node.id(), node.code(), node.name(), node.type(), node.level(), node.status(),
                node.ownerId(), node.depth(), new Rollup(node.descendants(), node.byType()),
                node.children().stream().map(CustomerTreeResponse::of).toList());
    }
}
