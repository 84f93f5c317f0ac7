package io.channelops.customer.contact.web;

import io.channelops.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The schema of a page of contacts in the OpenAPI document (answers are {@link PageResponse}s). */
@Schema(name = "PageResponseContactResponse", description = "A page of contacts")
record ContactPage(List<ContactResponse> content, PageResponse.PageMetadata page) {
}
