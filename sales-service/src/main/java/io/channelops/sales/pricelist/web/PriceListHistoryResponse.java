package io.channelops.sales.pricelist.web;

import io.channelops.sales.pricelist.PriceListHistory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Every change of a price list and its lines, oldest first: each entry is one record (the list or a line) in one
 * revision, with who made it, when, and each changed field's old and new value.
 */
@Schema(example = """
        {"priceListId": "3c9d2f1e-7b6a-4c5d-8e9f-0a1b2c3d4e5f", "entries": [
          {"revision": 41, "at": "2026-03-19T08:00:00Z", "by": "u-manager-east", "subject": "PRICE_LIST",
           "subjectId": "3c9d2f1e-7b6a-4c5d-8e9f-0a1b2c3d4e5f", "change": "ADDED",
           "changes": [{"field": "name", "to": "East key accounts 2026"}, {"field": "status", "to": "DRAFT"}]},
          {"revision": 44, "at": "2026-03-22T11:00:00Z", "by": "u-director", "subject": "PRICE_LIST",
           "subjectId": "3c9d2f1e-7b6a-4c5d-8e9f-0a1b2c3d4e5f", "change": "MODIFIED",
           "changes": [{"field": "status", "from": "REVIEWED", "to": "ACTIVE"},
                       {"field": "activatedBy", "to": "u-director"}]}]}""")
public record PriceListHistoryResponse(String priceListId, List<PriceListHistory.Entry> entries) {
}
