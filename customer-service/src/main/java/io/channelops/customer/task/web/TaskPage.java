package io.channelops.customer.task.web;

import io.channelops.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The schema of a page of tasks in the OpenAPI document (answers are {@link PageResponse}s). */
@Schema(name = "PageResponseTaskResponse", description = "A page of tasks")
record TaskPage(List<TaskResponse> content, PageResponse.PageMetadata page) {
}
