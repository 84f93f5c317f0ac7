package io.channelops.sales.product;

/**
 * Published in-process (a Spring application event, not a domain event) while a category is being deleted, inside
 * the deleting transaction: a feature that still refers to the category vetoes the deletion by throwing (an
 * {@link io.channelops.platform.web.ApiProblem}), which rolls the deletion back.
 */
public record ProductCategoryRemoving(String categoryId, String name) {
}
