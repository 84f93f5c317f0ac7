package io.channelops.sales.quote.web;

import io.channelops.sales.money.Money;
import io.channelops.sales.quote.ApprovalDecision;
import io.channelops.sales.quote.ApprovalReason;
import io.channelops.sales.quote.Quote;
import io.channelops.sales.quote.QuoteApproval;
import io.channelops.sales.quote.QuoteLine;
import io.channelops.sales.quote.QuoteStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * One quote version as the API shows it.
 *
 * @param number the quote number all versions share
 * @param quoteVersion 1 for the first version, +1 for each revision
 * @param listTotal Σ list unit price × quantity
 * @param netTotal Σ agreed unit price × quantity (without VAT): the quote's amount
 * @param discountPercent (list total − net total) / list total × 100
 * @param approvalReasons why the last submit needed a manager's approval
 * @param approvals who submitted, approved or rejected it, when and why; oldest first
 * @param version the optimistic-lock version, also sent as the ETag
 */
public record QuoteResponse(String id, String number, int quoteVersion, QuoteStatus status, String customerId,
        @Nullable String opportunityId, String currency, LocalDate quoteDate, LocalDate validUntil,
        List<Line> lines, Money listTotal, Money netTotal, Money vatTotal, Money grossTotal,
        BigDecimal discountPercent, List<ApprovalReason> approvalReasons, List<Approval> approvals,
        @Nullable String notes, @Nullable String terms, @Nullable String submittedBy, @Nullable Instant submittedAt,
        @Nullable Instant sentAt, @Nullable Instant acceptedAt, @Nullable Instant declinedAt,
        @Nullable String declineReason, @Nullable Instant expiredAt, @Nullable Instant supersededAt,
        @Nullable String supersededBy, @Nullable String revisedFrom, String ownerId, String orgPath,
        String createdBy, Instant createdAt, Instant updatedAt, long version) {

    /**
     * One line.
     *
     * @param listPrice the price list line's list price before quantity breaks (or the product's list price)
     * @param listUnitPrice the price the list gives at this quantity: what discounts are measured against
     * @param floorPrice the lowest unit price without a manager's approval; null when no price list priced it
     * @param priceSource {@code PRICE_LIST} or {@code LIST_PRICE}
     * @param requestedUnitPrice the unit price asked for, if any
     * @param requestedDiscountPercent the discount asked for, if any
     * @param unitPrice the agreed unit price
     * @param discountPercent the agreed unit price's discount off the list unit price
     * @param belowFloor whether the agreed unit price is below the floor price
     * @param vatRate the product's VAT rate as a fraction (0.13 = 13 %)
     */
    public record Line(int lineNo, String productId, String sku, String productName, int quantity,
            String priceSource, @Nullable String priceListId, @Nullable String priceListLineId, Money listPrice,
            Money listUnitPrice, @Nullable Money floorPrice, @Nullable Integer breakMinQuantity,
            @Nullable Money requestedUnitPrice, @Nullable BigDecimal requestedDiscountPercent, Money unitPrice,
            BigDecimal discountPercent, boolean belowFloor, BigDecimal vatRate, Money netAmount, Money vatAmount) {
    }

    /**
     * One entry of the approval record.
     *
     * @param discountLimit the submitter's discount limit, on submit entries
     */
    public record Approval(ApprovalDecision decision, String by, Instant at, List<ApprovalReason> reasons,
            BigDecimal discountPercent, @Nullable BigDecimal discountLimit, @Nullable String note) {
    }

    static QuoteResponse of(Quote quote) {
        String currency = quote.currency();
        List<QuoteLine> lines = quote.lines();
        return new QuoteResponse(quote.id(), quote.number(), quote.quoteVersion(), quote.status(),
                quote.customerId(), quote.opportunityId(), currency, quote.quoteDate(), quote.validUntil(),
                IntStream.range(0, lines.size()).mapToObj(i -> line(i + 1, lines.get(i), currency)).toList(),
                new Money(quote.listTotal(), currency), new Money(quote.netTotal(), currency),
                new Money(quote.vatTotal(), currency), new Money(quote.grossTotal(), currency),
                quote.discountPercent(), quote.approvalReasons(),
                quote.approvals().stream().map(QuoteResponse::approval).toList(), quote.notes(), quote.terms(),
                quote.submittedBy(), quote.submittedAt(), quote.sentAt(), quote.acceptedAt(), quote.declinedAt(),
                quote.declineReason(), quote.expiredAt(), quote.supersededAt(), quote.supersededBy(),
                quote.revisedFrom(), quote.ownership().ownerId(), quote.ownership().orgPath(), quote.createdBy(),
                quote.createdAt(), quote.updatedAt(), quote.version());
    }

    private static Line line(int lineNo, QuoteLine line, String currency) {
        return new Line(lineNo, line.productId(), line.sku(), line.productName(), line.quantity(),
                line.priceSource(), line.priceListId(), line.priceListLineId(), new Money(line.listPrice(), currency),
                new Money(line.listUnitPrice(), currency),
                line.floorPrice() == null ? null : new Money(line.floorPrice(), currency), line.breakMinQuantity(),
                line.requestedUnitPrice() == null ? null : new Money(line.requestedUnitPrice(), currency),
                line.requestedDiscount(), new Money(line.unitPrice(), currency), line.discountPercent(),
                line.belowFloor(), line.vatRate(), new Money(line.netAmount(), currency),
                new Money(line.vatAmount(), currency));
    }

    private static Approval approval(QuoteApproval approval) {
        List<ApprovalReason> reasons = approval.reasons() == null ? List.of()
                : Arrays.stream(approval.reasons().split(",")).map(ApprovalReason::valueOf).toList();
        return new Approval(approval.decision(), approval.decidedBy(), approval.decidedAt(), reasons,
                approval.discountPercent(), approval.discountLimit(), approval.note());
    }
}
