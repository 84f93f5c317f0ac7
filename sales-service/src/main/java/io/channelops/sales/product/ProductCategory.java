package io.channelops.sales.product;

import io.channelops.platform.persistence.AggregateRoot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A node of the catalog's category tree ("Pumps" → "Centrifugal pumps" → "Stainless"). Its {@link #idPath()} is the
 * materialized path of ids from the root down to itself ({@code /root/…/self/}), so a subtree is one prefix query and
 * a category's ancestors are read from its own row. Names are unique among siblings; the tree is at most
 * {@value #MAX_DEPTH} levels deep. Company-wide reference data like products.
 */
@Entity
@Table(name = "product_categories")
public class ProductCategory extends AggregateRoot<ProductCategory> {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DEPTH = 8;

    @Id
    private String id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "parent_id", length = 36)
    private @Nullable String parentId;

    /** The parent's id, or the empty string for a root: keeps names unique among siblings, roots included. */
    @Column(name = "parent_key", nullable = false, length = 36)
    private String parentKey;

    @Column(name = "id_path", nullable = false, length = 400)
    private String idPath;

    @Column(nullable = false)
    private int depth;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ProductCategory() {
        // for JPA
        this.id = "";
        this.name = "";
        this.parentKey = "";
        this.idPath = "/";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    private ProductCategory(String name, @Nullable ProductCategory parent, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = checkName(name);
        this.parentKey = "";
        this.idPath = "/" + id + "/";
        this.createdAt = now;
        this.updatedAt = now;
        placeUnder(parent);
    }

    /** A new category, a root when {@code parent} is null. */
    static ProductCategory create(String name, @Nullable ProductCategory parent, Instant now) {
        return new ProductCategory(name, parent, now);
    }

    /** Renames the category; returns whether the name changed. */
    boolean rename(String newName, Instant now) {
        String checked = checkName(newName);
        if (checked.equals(name)) {
            return false;
        }
        name = checked;
        updatedAt = now;
        return true;
    }

    /**
     * Moves the category (and so its subtree) under {@code newParent}, or to the roots when null. The caller moves
     * the descendants' paths ({@link #idPath()} prefix) with it.
     *
     * @throws CategoryCycle when the new parent is the category itself or one of its descendants
     */
    void moveUnder(@Nullable ProductCategory newParent, Instant now) {
        if (newParent != null && newParent.idPath.startsWith(idPath)) {
            throw new CategoryCycle(id, newParent.id);
        }
        placeUnder(newParent);
        updatedAt = now;
    }

    private void placeUnder(@Nullable ProductCategory parent) {
        if (parent == null) {
            parentId = null;
            parentKey = "";
            idPath = "/" + id + "/";
            depth = 1;
        }
        else {
            parentId = parent.id;
            parentKey = parent.id;
            idPath = parent.idPath + id + "/";
            depth = parent.depth + 1;
        }
    }

    /** Whether {@code other} is this category or lies below it. */
    public boolean contains(ProductCategory other) {
        return other.idPath.startsWith(idPath);
    }

    /** The ids from this category up to its root: itself first, the root last. */
    public List<String> selfAndAncestorIds() {
        List<String> ids = Arrays.stream(idPath.split("/")).filter(s -> !s.isEmpty()).toList();
        return ids.reversed();
    }

    static String checkName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A category name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }

    /** Moving a category under itself or one of its descendants would make the tree a cycle. */
    static final class CategoryCycle extends RuntimeException {

        CategoryCycle(String id, String parentId) {
            super("Category " + parentId + " is " + id + " or lies below it");
        }
    }

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    public String name() {
        return name;
    }

    public @Nullable String parentId() {
        return parentId;
    }

    String parentKey() {
        return parentKey;
    }

    public String idPath() {
        return idPath;
    }

    public int depth() {
        return depth;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
