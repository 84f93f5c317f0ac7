package io.channelops.platform.inbox;

import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists the events this service gave up on, and replays one once its cause is fixed. */
@RestController
@RequestMapping("/api/v1/admin/${channelops.service.name}/dead-letters")
@Tag(name = "Dead letters", description = "Consumed events that failed after bounded retries")
@PreAuthorize("hasAuthority('events:admin')")
public class DeadLetterController {

    /** Whether a dead letter still waits or was sent to its topic again. */
    public enum Status { DEAD, REPLAYED }

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "List dead letters, newest first")
    public PageResponse<DeadLetters.DeadLetter> list(@RequestParam(required = false) @Nullable Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var pageable = Paging.pageable(page, size, "", Sort.unsorted(), Set.of());
        return PageResponse.of(deadLetters.list(status == null ? null : status.name(), pageable), d -> d);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Send a dead letter to its original topic again")
    public DeadLetters.DeadLetter replay(@PathVariable String id) {
        return deadLetters.replay(id);
    }
}
