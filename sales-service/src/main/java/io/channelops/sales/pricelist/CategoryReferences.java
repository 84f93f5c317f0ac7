package io.channelops.sales.pricelist;

import io.channelops.platform.web.ApiProblem;
import io.channelops.sales.product.ProductCategoryRemoving;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Vetoes deleting a category that a price list is scoped to or has a line for (409 {@code CATEGORY_IN_USE}). */
@Component
class CategoryReferences {

    private final PriceLists priceLists;

    CategoryReferences(PriceLists priceLists) {
        this.priceLists = priceLists;
    }

    @EventListener
    void on(ProductCategoryRemoving removing) {
        if (priceLists.refersToCategory(removing.categoryId())) {
            throw ApiProblem.conflict("CATEGORY_IN_USE", "Category " + removing.name() + " cannot be deleted: "
                    + "price lists refer to it", removing.name(), "price lists refer to it");
        }
    }
}
