package io.channelops.sales.product;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The catalog's categories; private to this feature (others go through {@link CategoryService}). */
interface ProductCategories extends JpaRepository<ProductCategory, String>, JpaSpecificationExecutor<ProductCategory> {

    boolean existsByParentKeyAndName(String parentKey, String name);

    boolean existsByParentId(String parentId);

    /** The ids of a subtree: the category with {@code idPath} and everything below it. */
    @Query("select c.id from ProductCategory c where c.idPath like concat(:idPath, '%')")
    List<String> subtreeIds(@Param("idPath") String idPath);

    @Query("select max(c.depth) from ProductCategory c where c.idPath like concat(:idPath, '%')")
    Integer deepestBelow(@Param("idPath") String idPath);

    /** Re-roots the descendants of a moved category: their paths start with the new prefix, depths shift. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            UPDATE product_categories
            SET id_path = CONCAT(:newPrefix, SUBSTRING(id_path, CHAR_LENGTH(:oldPrefix) + 1)),
                depth = depth + :depthShift, version = version + 1
            WHERE id_path LIKE CONCAT(:oldPrefix, '%') AND id_path <> :oldPrefix""", nativeQuery = true)
    int moveDescendants(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix,
            @Param("depthShift") int depthShift);
}
