package io.channelops.customer.task.web;

import io.channelops.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The schema of a page of neglected customers in the OpenAPI document (answers are {@link PageResponse}s). */
@Schema(name = "PageResponseNeglectedCustomerResponse", description = "A page of neglected customers")
record NeglectedCustomerPage(List<NeglectedCustomerResponse> content, PageResponse.PageMetadata page) {
}
