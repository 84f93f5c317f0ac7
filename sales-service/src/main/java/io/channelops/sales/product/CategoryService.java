package io.channelops.sales.product;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the category tree; each one transaction. The one way other features reach categories: they ask
 * whether one exists and for a category's ancestors (price lists scoped to a category apply to its whole subtree).
 */
@Service
public class CategoryService {

    private final ProductCategories categories;
    private final Products products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CategoryService(ProductCategories categories, Products products, ApplicationEventPublisher events, Clock clock) {
        this.categories = categories;
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    /** A category with the names of its ancestors (root first), as the API shows it. */
    public record CategoryView(ProductCategory category, List<String> ancestorIds, List<String> pathNames) {
    }

    /** What may change: a name, and/or a parent ({@code ""} moves the category to the roots); null keeps it. */
    public record Change(@Nullable String name, @Nullable String parentId) {
    }

    /** Filters of the category list: children of {@code parentId} ({@code ""} = roots), text in the name. */
    public record Filter(@Nullable String parentId, @Nullable String text) {
    }

    @Transactional
    public CategoryView create(String name, @Nullable String parentId) {
        ProductCategory parent = parentId == null || parentId.isBlank() ? null : parent(parentId);
        if (parent != null && parent.depth() >= ProductCategory.MAX_DEPTH) {
            throw tooDeep();
        }
        ProductCategory category = ProductCategory.create(name, parent, now());
        requireUniqueName(parent == null ? "" : parent.id(), category.name());
        return view(save(category));
    }

    @Transactional(readOnly = true)
    public CategoryView get(String id) {
        return view(find(id));
    }

    /** Whether a category with this id exists. */
    @Transactional(readOnly = true)
    public boolean exists(String id) {
        return categories.existsById(id);
    }

    /** The category's id and its ancestors' ids, itself first and the root last; empty for an unknown id. */
    @Transactional(readOnly = true)
    public List<String> selfAndAncestorIds(String id) {
        return categories.findById(id).map(ProductCategory::selfAndAncestorIds).orElse(List.of());
    }

    /** The ids of the category and every category below it; empty for an unknown id. */
    @Transactional(readOnly = true)
    public List<String> subtreeIds(String id) {
        return categories.findById(id).map(c -> categories.subtreeIds(c.idPath())).orElse(List.of());
    }

    /** Renames and/or moves a category (with its subtree); {@code ifMatch} must carry its current version. */
    @Transactional
    public CategoryView change(String id, @Nullable String ifMatch, Change change) {
        ProductCategory category = find(id);
        ETags.requireMatch(ifMatch, category.version(), "product category", id);
        String newName = change.name() == null ? category.name() : ProductCategory.checkName(change.name());
        boolean move = change.parentId() != null && !change.parentId().strip().equals(category.parentKey());
        ProductCategory newParent = move && !change.parentId().isBlank() ? parent(change.parentId().strip()) : null;
        String targetParentKey = move ? (newParent == null ? "" : newParent.id()) : category.parentKey();
        if (!move && newName.equals(category.name())) {
            return view(category);
        }
        requireUniqueName(targetParentKey, newName);
        Instant now = now();
        category.rename(newName, now);
        String oldPath = category.idPath();
        int oldDepth = category.depth();
        if (move) {
            try {
                category.moveUnder(newParent, now);
            }
            catch (ProductCategory.CategoryCycle cycle) {
                throw ApiProblem.unprocessable("CATEGORY_CYCLE", "Category " + targetParentKey + " is " + id
                        + " itself or lies below it; a category cannot be moved into its own subtree",
                        targetParentKey, id);
            }
            Integer deepest = categories.deepestBelow(oldPath);
            int subtreeHeight = (deepest == null ? oldDepth : deepest) - oldDepth;
            if (category.depth() + subtreeHeight > ProductCategory.MAX_DEPTH) {
                throw tooDeep();
            }
        }
        category = save(category);
        if (move) {
            categories.moveDescendants(oldPath, category.idPath(), category.depth() - oldDepth);
            category = find(id);
        }
        return view(category);
    }

    /**
     * Deletes a category that has no sub-categories and no products; a feature that still refers to it (a price
     * list) vetoes through {@link ProductCategoryRemoving}. 409 {@code CATEGORY_IN_USE} otherwise.
     */
    @Transactional
    public void delete(String id, @Nullable String ifMatch) {
        ProductCategory category = find(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, category.version(), "product category", id);
        }
        if (categories.existsByParentId(id)) {
            throw inUse(category, "it has sub-categories");
        }
        if (products.existsByCategoryId(id)) {
            throw inUse(category, "products belong to it");
        }
        events.publishEvent(new ProductCategoryRemoving(id, category.name()));
        categories.delete(category);
        categories.flush();
    }

    @Transactional(readOnly = true)
    public Page<CategoryView> search(Filter filter, Pageable pageable) {
        Specification<ProductCategory> spec = Specification.unrestricted();
        if (filter.parentId() != null) {
            String parentKey = filter.parentId();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("parentKey"), parentKey));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + ProductService.escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%";
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), like, '\\'));
        }
        Page<ProductCategory> page = categories.findAll(spec, pageable);
        Map<String, String> names = namesOf(page.getContent().stream()
                .flatMap(c -> c.selfAndAncestorIds().stream()).toList());
        return page.map(c -> view(c, names));
    }

    static ApiProblem unknownCategory(String id) {
        return ApiProblem.unprocessable("UNKNOWN_CATEGORY", "Product category " + id + " does not exist", id);
    }

    private ProductCategory find(String id) {
        return categories.findById(id).orElseThrow(() -> ApiProblem.notFound("product category", id));
    }

    private ProductCategory parent(String parentId) {
        return categories.findById(parentId).orElseThrow(() -> unknownCategory(parentId));
    }

    private ProductCategory save(ProductCategory category) {
        try {
            return categories.saveAndFlush(category);
        }
        catch (DataIntegrityViolationException ex) {
            // a sibling took the name between the check and the write
            throw nameTaken(category.name());
        }
    }

    private void requireUniqueName(String parentKey, String name) {
        if (categories.existsByParentKeyAndName(parentKey, name)) {
            throw nameTaken(name);
        }
    }

    private CategoryView view(ProductCategory category) {
        return view(category, namesOf(category.selfAndAncestorIds()));
    }

    private static CategoryView view(ProductCategory category, Map<String, String> names) {
        List<String> ids = category.selfAndAncestorIds().reversed();
        List<String> pathNames = new ArrayList<>();
        for (String ancestor : ids) {
            pathNames.add(ancestor.equals(category.id()) ? category.name() : names.getOrDefault(ancestor, "?"));
        }
        return new CategoryView(category, ids.subList(0, ids.size() - 1), pathNames);
    }

    private Map<String, String> namesOf(Collection<String> ids) {
        Set<String> unique = new LinkedHashSet<>(ids);
        Map<String, String> names = new HashMap<>();
        if (!unique.isEmpty()) {
            categories.findAllById(unique).forEach(c -> names.put(c.id(), c.name()));
        }
        return names;
    }

    private static ApiProblem nameTaken(String name) {
        return ApiProblem.conflict("CATEGORY_NAME_TAKEN",
                "A category named " + name + " already exists at this place in the tree", name);
    }

    private static ApiProblem tooDeep() {
        return ApiProblem.unprocessable("CATEGORY_TOO_DEEP",
                "The category tree is at most " + ProductCategory.MAX_DEPTH + " levels deep", ProductCategory.MAX_DEPTH);
    }

    private static ApiProblem inUse(ProductCategory category, String why) {
        return ApiProblem.conflict("CATEGORY_IN_USE", "Category " + category.name() + " cannot be deleted: " + why,
                category.name(), why);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
