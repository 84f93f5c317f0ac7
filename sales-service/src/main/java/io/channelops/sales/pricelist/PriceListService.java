package io.channelops.sales.pricelist;

import io.channelops.platform.security.CurrentUser;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.sales.product.CategoryService;
import io.channelops.sales.product.ProductService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of price lists; each one transaction, acting as the caller of the current request.
 *
 * <p><b>Activation</b> (confirming a REVIEWED list) serializes on the list's scope (a row lock in
 * {@code price_list_scope_locks}), so two replicas activating lists of the same scope run one after the other. Every
 * ACTIVE list of exactly the same scope whose validity overlaps the new one:
 * <ul>
 *   <li>starts before the new one: its end date becomes the day before the new one starts ({@code supersededBy} names
 *       the new list); it stays readable and keeps pricing the dates before; it is EXPIRED at once if that end date
 *       is already past;</li>
 *   <li>starts on or after the new one's start: the activation is refused with 409 {@code PRICE_LIST_OVERLAP} (a
 *       confirmed list is never voided by another; reject the new list and give it dates that do not overlap).</li>
 * </ul>
 * A list whose end date is already past cannot be activated (422 {@code PRICE_LIST_PERIOD_OVER}).
 */
@Service
public class PriceListService {

    private final PriceLists priceLists;
    private final ProductService products;
    private final CategoryService categories;
    private final JdbcTemplate jdbc;
    private final PriceListSettings settings;
    private final Clock clock;

    PriceListService(PriceLists priceLists, ProductService products, CategoryService categories, JdbcTemplate jdbc,
            PriceListSettings settings, Clock clock) {
        this.priceLists = priceLists;
        this.products = products;
        this.categories = categories;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Filters of the list of price lists; null means any. A scope field filters lists scoped to exactly that value;
     * {@code validOn} keeps lists whose validity contains the date; {@code text} matches the name.
     */
    public record Filter(@Nullable PriceListStatus status, @Nullable String regionCode, @Nullable String customerType,
            @Nullable String customerLevel, @Nullable String categoryId, @Nullable LocalDate validOn,
            @Nullable String text) {
    }

    /** A list and one of its lines, after a change to the line. */
    public record LineChange(PriceList priceList, PriceListLine line) {
    }

    /** A new DRAFT list entered by the caller, with its first lines (maybe none). */
    @Transactional
    public PriceList create(PriceList.Header header, List<PriceListLine.Prices> lines) {
        String by = caller();
        requireReferences(header.scope());
        Instant now = now();
        PriceList list = PriceList.create(header, by, now);
        for (PriceListLine.Prices line : lines) {
            requireReferences(line);
            list.addLine(line, by, now);
        }
        return withLines(priceLists.saveAndFlush(list));
    }

    @Transactional(readOnly = true)
    public PriceList get(String id) {
        return withLines(find(id));
    }

    @Transactional(readOnly = true)
    public PriceListLine line(String id, String lineId) {
        return find(id).lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("price list line", lineId));
    }

    @Transactional(readOnly = true)
    public Page<PriceList> search(Filter filter, Pageable pageable) {
        Specification<PriceList> spec = Specification.unrestricted();
        spec = equal(spec, "status", filter.status());
        spec = equal(spec, "regionCode", upper(filter.regionCode()));
        spec = equal(spec, "customerType", upper(filter.customerType()));
        spec = equal(spec, "customerLevel", upper(filter.customerLevel()));
        spec = equal(spec, "categoryId", filter.categoryId());
        if (filter.validOn() != null) {
            LocalDate day = filter.validOn();
            spec = spec.and((root, query, cb) -> cb.and(cb.lessThanOrEqualTo(root.get("validFrom"), day),
                    cb.or(cb.isNull(root.get("validTo")), cb.greaterThanOrEqualTo(root.get("validTo"), day))));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), like, '\\'));
        }
        return priceLists.findAll(spec, pageable);
    }

    /** Replaces the header of a DRAFT; {@code ifMatch} must carry its current version. */
    @Transactional
    public PriceList changeHeader(String id, @Nullable String ifMatch, PriceList.Header header) {
        PriceList list = find(id);
        ETags.requireMatch(ifMatch, list.version(), "price list", id);
        requireReferences(header.scope());
        if (list.changeHeader(header, caller(), now())) {
            priceLists.flush();
        }
        return withLines(list);
    }

    /** Adds a line to a DRAFT; {@code ifMatch}, when sent, must carry the list's current version. */
    @Transactional
    public LineChange addLine(String id, @Nullable String ifMatch, PriceListLine.Prices prices) {
        PriceList list = find(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, list.version(), "price list", id);
        }
        requireReferences(prices);
        PriceListLine line = list.addLine(prices, caller(), now());
        // the list is managed: the flush inserts the new line (cascade) and bumps the list's version
        priceLists.flush();
        return new LineChange(list, line);
    }

    /** Changes a DRAFT line's prices; {@code ifMatch} must carry the list's current version. */
    @Transactional
    public LineChange repriceLine(String id, String lineId, @Nullable String ifMatch, PriceListLine.Prices prices) {
        PriceList list = find(id);
        ETags.requireMatch(ifMatch, list.version(), "price list", id);
        PriceListLine line = list.repriceLine(lineId, prices, caller(), now());
        priceLists.flush();
        return new LineChange(list, line);
    }

    /** Removes a DRAFT line; {@code ifMatch} must carry the list's current version. */
    @Transactional
    public PriceList removeLine(String id, String lineId, @Nullable String ifMatch) {
        PriceList list = find(id);
        ETags.requireMatch(ifMatch, list.version(), "price list", id);
        list.removeLine(lineId, caller(), now());
        priceLists.flush();
        return withLines(list);
    }

    @Transactional
    public PriceList submit(String id, @Nullable String ifMatch) {
        PriceList list = lock(id, ifMatch);
        list.submit(caller(), now());
        return withLines(priceLists.saveAndFlush(list));
    }

    @Transactional
    public PriceList review(String id, @Nullable String ifMatch) {
        PriceList list = lock(id, ifMatch);
        list.review(caller(), now());
        return withLines(priceLists.saveAndFlush(list));
    }

    /** Sends a SUBMITTED or REVIEWED list back to DRAFT with a note (see {@link PriceList#reject}). */
    @Transactional
    public PriceList reject(String id, @Nullable String ifMatch, String note) {
        PriceList list = lock(id, ifMatch);
        CurrentUser user = CurrentUser.require();
        list.reject(user.id(), note, user.has("prices:review"), user.has("prices:approve"), now());
        return withLines(priceLists.saveAndFlush(list));
    }

    /** Confirms a REVIEWED list: it becomes ACTIVE and closes the lists of its scope it supersedes. */
    @Transactional
    public PriceList activate(String id, @Nullable String ifMatch) {
        String by = caller();
        PriceList list = lock(id, ifMatch);
        list.checkActivation(by);
        LocalDate today = today();
        Instant now = now();
        if (list.validTo() != null && list.validTo().isBefore(today)) {
            throw ApiProblem.unprocessable("PRICE_LIST_PERIOD_OVER", "Price list " + id + " ended on "
                    + list.validTo() + "; a list whose period is over cannot be activated", id, list.validTo());
        }
        String scopeKey = list.scope().key();
        lockScope(scopeKey);
        List<String> superseded = new ArrayList<>();
        for (PriceList old : priceLists.activeOfScope(scopeKey, id)) {
            if (old.expireIfOver(today, now) || !old.overlaps(list.validFrom(), list.validTo())) {
                continue;
            }
            if (!old.validFrom().isBefore(list.validFrom())) {
                throw ApiProblem.conflict("PRICE_LIST_OVERLAP", "Active price list " + old.id() + " of the same "
                        + "scope starts on " + old.validFrom() + ", not before " + list.validFrom()
                        + "; it would be voided, so this list cannot be activated with these dates", old.id(),
                        old.validFrom(), list.validFrom());
            }
            old.closeBefore(list.validFrom(), id, today, now);
            superseded.add(old.id());
        }
        list.activate(by, now, superseded);
        return withLines(priceLists.saveAndFlush(list));
    }

    /**
     * Marks up to {@code batch} ACTIVE lists past their end date EXPIRED, skipping lists another replica has locked;
     * returns how many it marked.
     */
    @Transactional
    public int expireDue(int batch) {
        LocalDate today = today();
        Instant now = now();
        List<String> due = jdbc.queryForList("""
                SELECT id FROM price_lists WHERE status = 'ACTIVE' AND valid_to < ?
                ORDER BY valid_to, id LIMIT ? FOR UPDATE SKIP LOCKED""", String.class, today, batch);
        int expired = 0;
        for (String id : due) {
            PriceList list = priceLists.findById(id).orElseThrow();
            if (list.expireIfOver(today, now)) {
                priceLists.save(list);
                expired++;
            }
        }
        return expired;
    }

    /** Today in the pricing time zone ({@code channelops.sales.prices.time-zone}). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.timeZone()));
    }

    private PriceList lock(String id, @Nullable String ifMatch) {
        PriceList list = priceLists.lockById(id).orElseThrow(() -> ApiProblem.notFound("price list", id));
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, list.version(), "price list", id);
        }
        return list;
    }

    private void lockScope(String scopeKey) {
        jdbc.update("INSERT IGNORE INTO price_list_scope_locks (scope_key) VALUES (?)", scopeKey);
        jdbc.queryForList("SELECT scope_key FROM price_list_scope_locks WHERE scope_key = ? FOR UPDATE", String.class,
                scopeKey);
    }

    private PriceList find(String id) {
        return priceLists.findById(id).orElseThrow(() -> ApiProblem.notFound("price list", id));
    }

    private void requireReferences(PriceScope scope) {
        if (scope.categoryId() != null && !categories.exists(scope.categoryId())) {
            throw ApiProblem.unprocessable("UNKNOWN_CATEGORY", "Product category " + scope.categoryId()
                    + " does not exist", scope.categoryId());
        }
    }

    private void requireReferences(PriceListLine.Prices line) {
        if (line.productId() != null && !products.exists(line.productId())) {
            throw ApiProblem.unprocessable("UNKNOWN_PRODUCT", "Product " + line.productId() + " does not exist",
                    line.productId());
        }
        if (line.categoryId() != null && !categories.exists(line.categoryId())) {
            throw ApiProblem.unprocessable("UNKNOWN_CATEGORY", "Product category " + line.categoryId()
                    + " does not exist", line.categoryId());
        }
    }

    private static PriceList withLines(PriceList list) {
        list.lines();
        return list;
    }

    private static <T> Specification<PriceList> equal(Specification<PriceList> spec, String field,
            @Nullable T value) {
        return value == null ? spec : spec.and((root, query, cb) -> cb.equal(root.get(field), value));
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String caller() {
        return CurrentUser.require().id();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
