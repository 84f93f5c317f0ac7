package io.channelops.customer.imports;

/**
 * What rows are imported as: a create request type (its fields are the mapping's targets, its Jakarta constraints
 * check each row) and the use case that creates one record from it as the current caller. Implemented next to the
 * request type's own API, so an import stays the same path as a single create.
 *
 * @param <T> the create request
 */
public interface ImportTarget<T> {

    /** The request type a row becomes, through Jackson, field by field. */
    Class<T> requestType();

    /**
     * Creates one record from a valid request, in the caller's transaction, as the current caller; returns its id.
     * Throws {@link io.channelops.platform.web.ApiProblem} when the request is refused (a duplicate, ...).
     */
    String create(T request);
}
