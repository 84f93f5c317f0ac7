package io.channelops.customer.attribute.web;

import io.channelops.customer.attribute.AttributeDefinition;
import io.channelops.customer.attribute.AttributeService;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customer-attributes}: the custom attributes customers can carry. Defining and changing them needs
 * {@code customers:configure} (administrators); reading them {@code customers:read} or {@code customers:configure}.
 * Definitions are company-wide settings, not owned records: no data scope applies.
 */
@RestController
@RequestMapping("/api/v1/customer-attributes")
@Tag(name = "Customer attributes", description = "Admin-defined custom fields of customers")
class AttributeController {

    private static final String DEFINITION_EXAMPLE = """
            {"key": "sales_channel", "label": "Sales channel", "type": "CHOICE", "required": false,
             "options": ["online", "store", "wholesale"], "createdAt": "2026-03-01T08:00:00Z",
             "updatedAt": "2026-03-01T08:00:00Z", "version": 0}""";

    private final AttributeService attributes;

    AttributeController(AttributeService attributes) {
        this.attributes = attributes;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('customers:read', 'customers:configure')")
    @Operation(summary = "List the custom attribute definitions", description = "All of them, ordered by key, in "
            + "one page.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            {"content": [{"key": "sales_channel", "label": "Sales channel", "type": "CHOICE", "required": false,
              "options": ["online", "store", "wholesale"], "createdAt": "2026-03-01T08:00:00Z",
              "updatedAt": "2026-03-01T08:00:00Z", "version": 0}],
             "page": {"number": 0, "size": 1, "totalElements": 1, "totalPages": 1}}""")))
    PageResponse<AttributeDefinitionResponse> list() {
        return PageResponse.of(new PageImpl<>(attributes.list()), AttributeDefinitionResponse::of);
    }

    @GetMapping("/{key}")
    @PreAuthorize("hasAnyAuthority('customers:read', 'customers:configure')")
    @Operation(summary = "Read a custom attribute definition")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(DEFINITION_EXAMPLE)))
    ResponseEntity<AttributeDefinitionResponse> get(@PathVariable String key) {
        AttributeDefinition definition = attributes.get(key);
        return ResponseEntity.ok().eTag(ETags.of(definition.version()))
                .body(AttributeDefinitionResponse.of(definition));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customers:configure')")
    @Operation(summary = "Define a custom attribute", description = "Rules must fit the type: maxLength and pattern "
            + "for TEXT, min and max for NUMBER, options (required) for CHOICE; otherwise 422 "
            + "INVALID_ATTRIBUTE_DEFINITION listing them. 409 ATTRIBUTE_KEY_TAKEN for an existing key. Send an "
            + "Idempotency-Key to make retries safe.")
    @ApiResponse(responseCode = "201", content = @Content(examples = @ExampleObject(DEFINITION_EXAMPLE)))
    ResponseEntity<AttributeDefinitionResponse> define(@Valid @RequestBody AttributeDefinitionRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        AttributeDefinition definition = attributes.define(request.key(), request.type(), request.rules());
        return ResponseEntity.created(URI.create("/api/v1/customer-attributes/" + definition.key()))
                .eTag(ETags.of(definition.version())).body(AttributeDefinitionResponse.of(definition));
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasAuthority('customers:configure')")
    @Operation(summary = "Replace the rules of a custom attribute", description = "Label, required flag and "
            + "validation are replaced (key and type stay). Values already stored are checked again when they are "
            + "next written. Requires the definition's ETag in If-Match.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(DEFINITION_EXAMPLE)))
    ResponseEntity<AttributeDefinitionResponse> change(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AttributeRulesRequest request) {
        AttributeDefinition definition = attributes.change(key, ifMatch, request.rules());
        return ResponseEntity.ok().eTag(ETags.of(definition.version()))
                .body(AttributeDefinitionResponse.of(definition));
    }
}
