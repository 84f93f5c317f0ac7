package io.channelops.sales.pricelist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the price list line that prices a sale: one indexed query fetches the candidate lines (lines of the product
 * or of its categories, in confirmed lists valid on the date whose customer scope can match), then
 * {@link PriceListPrecedence} picks one. Reads the database on every call, so every replica answers from the same
 * committed state and an activation is seen at once; the query touches only the product's and its categories' lines
 * ({@code ix_price_list_lines_product}, {@code ix_price_list_lines_category}) and joins their lists by key.
 */
@Service
public class PriceListLookup {

    private static final String SELECT = """
            SELECT p.id, p.name, p.currency, p.status, p.valid_from, p.valid_to, p.region_code, p.customer_type,
                   p.customer_level, p.category_id, l.id, l.product_id, l.category_id, l.list_price, l.floor_price,
                   l.breaks
            FROM price_list_lines l JOIN price_lists p ON p.id = l.price_list_id
            """;
    private static final String LIST_FILTER = """
              AND p.status IN ('ACTIVE', 'EXPIRED') AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)
              AND (p.region_code IS NULL OR p.region_code = ?) AND (p.customer_type IS NULL OR p.customer_type = ?)
              AND (p.customer_level IS NULL OR p.customer_level = ?)
            """;

    private final JdbcTemplate jdbc;

    PriceListLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The line that prices the sale, or empty when no confirmed list applies. */
    @Transactional(readOnly = true)
    public Optional<PriceListPrecedence.Choice> find(PriceListPrecedence.Sale sale) {
        return PriceListPrecedence.choose(sale, candidates(sale));
    }

    /** Every line that may price the sale (a superset of those that do: the precedence checks again). */
    List<PriceListPrecedence.Candidate> candidates(PriceListPrecedence.Sale sale) {
        LocalDate date = sale.date();
        PriceListPrecedence.Buyer buyer = sale.buyer();
        // a NULL buyer field never equals: only lists without that scope field stay
        List<Object> args = new ArrayList<>(List.of(sale.productId(), date, date));
        args.add(buyer.regionCode());
        args.add(buyer.customerType());
        args.add(buyer.customerLevel());
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE l.product_id = ?\n").append(LIST_FILTER);
        if (!sale.productCategories().isEmpty()) {
            sql.append("UNION ALL\n").append(SELECT).append("WHERE l.category_id IN (")
                    .append(String.join(", ", sale.productCategories().stream().map(c -> "?").toList()))
                    .append(")\n").append(LIST_FILTER);
            args.addAll(sale.productCategories());
            args.addAll(List.of(date, date));
            args.add(buyer.regionCode());
            args.add(buyer.customerType());
            args.add(buyer.customerLevel());
        }
        return jdbc.query(sql.toString(), PriceListLookup::candidate, args.toArray());
    }

    private static PriceListPrecedence.Candidate candidate(ResultSet rs, int row) throws SQLException {
        return new PriceListPrecedence.Candidate(rs.getString(1), rs.getString(2), rs.getString(3),
                PriceListStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                new PriceScope(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getBigDecimal(14), rs.getBigDecimal(15),
                PriceBreaksConverter.read(rs.getString(16)));
    }
}
