package io.channelops.sales.price;

import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.customer.CustomerClassification;
import io.channelops.sales.customer.CustomerClassifications;
import io.channelops.sales.pricelist.PriceListLookup;
import io.channelops.sales.pricelist.PriceListPrecedence;
import io.channelops.sales.pricelist.PriceListService;
import io.channelops.sales.product.CategoryService;
import io.channelops.sales.product.Product;
import io.channelops.sales.product.ProductService;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves the effective unit price of a product: the use case order-service calls to price order lines and quotes
 * use to price quote lines. First match wins:
 * <ol>
 *   <li>the line of a confirmed price list that applies to the customer, the product and the date, chosen by
 *       {@link PriceListPrecedence} (most specific scope, then latest start, then list id), at the quantity's
 *       break;</li>
 *   <li>the product's list price.</li>
 * </ol>
 * The customer's region, type and level come from the local customer copy; a customer not known there (or none
 * given) is priced as unclassified ({@link EffectivePrice#customerKnown()} false): only lists that set no customer
 * field apply. An unknown product answers 404; a discontinued one 422 {@code PRODUCT_DISCONTINUED}, whatever the
 * source.
 */
@Service
public class PriceResolver {

    private final ProductService products;
    private final CategoryService categories;
    private final CustomerClassifications customers;
    private final PriceListLookup priceLists;
    private final PriceListService priceListService;

    public PriceResolver(ProductService products, CategoryService categories, CustomerClassifications customers,
            PriceListLookup priceLists, PriceListService priceListService) {
        this.products = products;
        this.categories = categories;
        this.customers = customers;
        this.priceLists = priceLists;
        this.priceListService = priceListService;
    }

    @Transactional(readOnly = true)
    public EffectivePrice resolve(PriceQuery query) {
        Product product = products.get(query.productId());
        if (!product.isActive()) {
            throw ApiProblem.unprocessable("PRODUCT_DISCONTINUED",
                    "Product " + product.id() + " (" + product.sku() + ") is discontinued and can no longer be "
                            + "priced or sold", product.id(), product.sku());
        }
        LocalDate date = query.date() == null ? priceListService.today() : query.date();
        Optional<CustomerClassification> customer = query.customerId() == null ? Optional.empty()
                : customers.find(query.customerId());
        PriceListPrecedence.Buyer buyer = customer
                .map(c -> new PriceListPrecedence.Buyer(c.regionCode(), c.type(), c.level()))
                .orElse(PriceListPrecedence.Buyer.UNKNOWN);
        List<String> productCategories = product.categoryId() == null ? List.of()
                : categories.selfAndAncestorIds(product.categoryId());
        PriceListPrecedence.Sale sale = new PriceListPrecedence.Sale(product.id(), productCategories, buyer, date,
                query.quantity());
        boolean known = customer.isPresent();
        return priceLists.find(sale)
                .map(choice -> EffectivePrice.fromList(product, choice, query, date, known))
                .orElseGet(() -> EffectivePrice.listPrice(product, query, date, known));
    }
}
