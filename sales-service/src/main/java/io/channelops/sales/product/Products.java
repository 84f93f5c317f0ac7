package io.channelops.sales.product;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** All products of the catalog; private to this feature (others go through {@link ProductService}). */
interface Products extends JpaRepository<Product, String>, JpaSpecificationExecutor<Product> {

    boolean existsBySku(String sku);

    boolean existsByCategoryId(String categoryId);
}
