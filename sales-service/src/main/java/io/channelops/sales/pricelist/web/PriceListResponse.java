package io.channelops.sales.pricelist.web;

import io.channelops.sales.pricelist.PriceList;
import io.channelops.sales.pricelist.PriceListLine;
import io.channelops.sales.pricelist.PriceListStatus;
import io.channelops.sales.pricelist.PriceScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A price list. {@code lines} only when one list is read (not in pages): category lines first, then product lines.
 * {@code enteredBy}: everyone who entered, edited or submitted it (none of them may review or confirm it).
 */
@Schema(example = """
        {"id": "3c9d2f1e-7b6a-4c5d-8e9f-0a1b2c3d4e5f", "name": "East key accounts 2026", "currency": "CNY",
         "validFrom": "2026-04-01", "validTo": "2026-12-31", "scope": {"regionCode": "EAST", "customerLevel": "KEY"},
         "status": "ACTIVE", "createdBy": "u-manager-east", "enteredBy": ["u-manager-east"],
         "submittedBy": "u-manager-east", "submittedAt": "2026-03-20T09:00:00Z", "reviewedBy": "u-finance",
         "reviewedAt": "2026-03-21T10:00:00Z", "activatedBy": "u-director", "activatedAt": "2026-03-22T11:00:00Z",
         "createdAt": "2026-03-19T08:00:00Z", "updatedAt": "2026-03-22T11:00:00Z", "version": 5, "lineCount": 1,
         "lines": [{"id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d", "productId": "0f8e2a8c-3a51-4e0b-9a51-7d1f3c2b8e11",
                    "currency": "CNY", "listPrice": 1200.00, "floorPrice": 1050.00,
                    "breaks": [{"minQuantity": 10, "price": 1150.00}]}]}""")
public record PriceListResponse(String id, String name, String currency, LocalDate validFrom,
        @Nullable LocalDate validTo, ScopeResponse scope, PriceListStatus status, String createdBy,
        Set<String> enteredBy, @Nullable String submittedBy, @Nullable Instant submittedAt,
        @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String activatedBy,
        @Nullable Instant activatedAt, @Nullable String rejectedBy, @Nullable Instant rejectedAt,
        @Nullable String rejectionNote, @Nullable String supersededBy, @Nullable Instant expiredAt, Instant createdAt,
        Instant updatedAt, long version, @Nullable Integer lineCount, @Nullable List<PriceListLineResponse> lines) {

    /** A list's scope; absent fields: any value. */
    public record ScopeResponse(@Nullable String regionCode, @Nullable String customerType,
            @Nullable String customerLevel, @Nullable String categoryId) {

        static ScopeResponse of(PriceScope scope) {
            return new ScopeResponse(scope.regionCode(), scope.customerType(), scope.customerLevel(),
                    scope.categoryId());
        }
    }

    /** The list with its lines. */
    static PriceListResponse withLines(PriceList list) {
        List<PriceListLine> lines = list.lines();
        return of(list, lines.size(), lines.stream()
                .sorted(Comparator.comparing((PriceListLine l) -> l.productId() != null)
                        .thenComparing(l -> l.categoryId() == null ? "" : l.categoryId())
                        .thenComparing(l -> l.productId() == null ? "" : l.productId()))
                .map(l -> PriceListLineResponse.of(l, list.currency())).toList());
    }

    /** The list without its lines, for pages. */
    static PriceListResponse summary(PriceList list) {
        return of(list, null, null);
    }

    private static PriceListResponse of(PriceList list, @Nullable Integer lineCount,
            @Nullable List<PriceListLineResponse> lines) {
        return new PriceListResponse(list.id(), list.name(), list.currency(), list.validFrom(), list.validTo(),
                ScopeResponse.of(list.scope()), list.status(), list.createdBy(), list.enteredBy(), list.submittedBy(),
                list.submittedAt(), list.reviewedBy(), list.reviewedAt(), list.activatedBy(), list.activatedAt(),
                list.rejectedBy(), list.rejectedAt(), list.rejectionNote(), list.supersededBy(), list.expiredAt(),
                list.createdAt(), list.updatedAt(), list.version(), lineCount, lines);
    }
}
