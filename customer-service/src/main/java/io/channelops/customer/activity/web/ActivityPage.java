package io.channelops.customer.activity.web;

import io.channelops.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The schema of a page of activities in the OpenAPI document (answers are {@link PageResponse}s). */
@Schema(name = "PageResponseActivityResponse", description = "A page of activities")
record ActivityPage(List<ActivityResponse> content, PageResponse.PageMetadata page) {
}
