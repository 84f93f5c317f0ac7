package io.channelops.customer.contact.web;

import io.channelops.customer.contact.Contact;
import io.channelops.customer.contact.ContactService;
import io.channelops.customer.customer.web.RevisionResponse;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers/{customerId}/contacts}: the people at a customer. Reads need {@code customers:read},
 * changes {@code customers:write}; a contact is served only when its customer is in the caller's data scope (404
 * otherwise).
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/contacts")
@Tag(name = "Contacts", description = "The people at a customer, and its primary contact")
class ContactController {

    private static final Set<String> SORTS = Set.of("name", "createdAt");

    static final String NOT_FOUND = """
            {"type": "https://channelops.io/problems/not-found", "title": "Not found", "status": 404,
             "code": "NOT_FOUND", "detail": "contact 6f1c2a7e-1d2b-4c55-9a0e-3c7f2f9d8b11 was not found",
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";
    static final String INVALID = """
            {"type": "https://channelops.io/problems/validation-failed", "title": "Invalid request", "status": 400,
             "code": "VALIDATION_FAILED", "detail": "2 field(s) are invalid",
             "errors": [{"field": "name", "message": "must not be blank"},
                        {"field": "phones[0].number", "message": "must be a phone number: digits, optional leading +, spaces, ( ) . / -"}],
             "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""";
    static final String PAGE = """
            {"content": [{"id": "6f1c2a7e-1d2b-4c55-9a0e-3c7f2f9d8b11", "customerId": "0b6f1c7a-5e2d-4a8b-9c3d-2e1f0a9b8c7d",
              "name": "Li Wei", "title": "Purchasing Manager", "department": "Procurement", "role": "PURCHASING",
              "phones": [{"number": "+86 138 0013 8000", "label": "mobile"}], "email": "li.wei@acme.example",
              "birthday": "1985-04-12", "preferredChannel": "WECHAT", "notes": null, "primary": true,
              "createdBy": "u-rep-east1-a", "createdAt": "2026-03-02T08:15:00Z", "updatedAt": "2026-03-02T08:15:00Z",
              "version": 0}],
             "page": {"number": 0, "size": 20, "totalElements": 1, "totalPages": 1}}""";

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Add a contact to a customer", description = "Send an Idempotency-Key to make retries "
            + "safe. With primary: true the contact becomes the customer's primary contact and the previous one an "
            + "ordinary contact, in the same transaction. 404 when the customer is unknown or out of scope; 422 "
            + "BIRTHDAY_OUT_OF_RANGE for a birthday before 1900.")
    @ApiResponse(responseCode = "201", description = "Added; Location and ETag of the contact")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "invalid", value = INVALID)))
    @ApiResponse(responseCode = "404", description = "Customer unknown or out of scope", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "notFound", value = NOT_FOUND)))
    ResponseEntity<ContactResponse> add(@PathVariable String customerId,
            @Valid @RequestBody ContactRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Contact contact = contacts.add(customerId, request.toNewContact());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/contacts/" + contact.id()))
                .eTag(ETags.of(contact.version()))
                .body(ContactResponse.of(contact));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List a customer's contacts", description = "The primary contact first, then by name "
            + "(or as sorted). 404 when the customer is unknown or out of scope.")
    @ApiResponse(responseCode = "200", description = "A page of contacts", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ContactPage.class), examples = @ExampleObject(name = "page", value = PAGE)))
    PageResponse<ContactResponse> list(@PathVariable String customerId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name or createdAt, optionally ,asc or ,desc")
            @RequestParam(defaultValue = "") String sort) {
        var pageable = Paging.pageable(page, size, sort,
                Sort.by(Sort.Order.desc("primary"), Sort.Order.asc("name"), Sort.Order.asc("id")), SORTS);
        return PageResponse.of(contacts.list(customerId, pageable), ContactResponse::of);
    }

    @GetMapping("/{contactId}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read a contact", description = "404 when the customer is unknown or out of scope, or "
            + "the contact is not one of its contacts.")
    @ApiResponse(responseCode = "200", description = "The contact with its ETag")
    @ApiResponse(responseCode = "404", description = "Unknown, out of scope or not this customer's", content =
            @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "notFound",
                    value = NOT_FOUND)))
    ResponseEntity<ContactResponse> get(@PathVariable String customerId, @PathVariable String contactId) {
        Contact contact = contacts.get(customerId, contactId);
        return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(ContactResponse.of(contact));
    }

    @GetMapping("/{contactId}/history")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read the change history of a contact", description = "Every revision of the contact, "
            + "newest first: when, by whom (user or client id), CREATED/CHANGED, and field by field what changed "
            + "from the revision before (phones as a whole list). A merge that moved the contact shows as a change "
            + "of customerId. Size at most 200. 404 as for reading the contact.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            {"content": [{"revision": 57, "at": "2026-03-04T09:00:00.000Z", "by": "u-rep-east1-a",
              "changeType": "CHANGED", "changes": [{"field": "title", "from": "Buyer", "to": "Head of purchasing"}]},
             {"revision": 41, "at": "2026-03-01T08:05:00.000Z", "by": "u-rep-east1-a", "changeType": "CREATED",
              "changes": [{"field": "name", "to": "Li Wei"}, {"field": "title", "to": "Buyer"}]}],
             "page": {"number": 0, "size": 20, "totalElements": 2, "totalPages": 1}}""")))
    PageResponse<RevisionResponse> history(@PathVariable String customerId, @PathVariable String contactId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var pageable = Paging.pageable(page, size, "", Sort.unsorted(), Set.of());
        return PageResponse.of(contacts.history(customerId, contactId, pageable), RevisionResponse::of);
    }

    @PatchMapping("/{contactId}")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Change a contact", description = "Requires the contact's ETag in If-Match (428 without, "
            + "412 STALE_VERSION when stale). Fields present replace, fields named in clear are removed; a field both "
            + "given and cleared is 400 FIELD_SET_AND_CLEARED.")
    @ApiResponse(responseCode = "200", description = "The changed contact with its new ETag")
    @ApiResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "stale", value = """
                    {"type": "https://channelops.io/problems/stale-version", "title": "Stale version",
                     "status": 412, "code": "STALE_VERSION",
                     "detail": "contact 6f1c2a7e-1d2b-4c55-9a0e-3c7f2f9d8b11 was changed by someone else; fetch it again",
                     "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))
    ResponseEntity<ContactResponse> change(@PathVariable String customerId, @PathVariable String contactId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ContactChangeRequest request) {
        Contact contact = contacts.change(customerId, contactId, ifMatch, request.toChange());
        return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(ContactResponse.of(contact));
    }

    @DeleteMapping("/{contactId}")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Delete a contact", description = "A deleted primary contact leaves the customer without "
            + "one. If-Match is optional; when sent it must be current (412 otherwise). Activities that named the "
            + "contact keep its id.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Unknown, out of scope or not this customer's", content =
            @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "notFound",
                    value = NOT_FOUND)))
    ResponseEntity<Void> delete(@PathVariable String customerId, @PathVariable String contactId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        contacts.delete(customerId, contactId, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{contactId}/make-primary")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Make a contact the customer's primary contact", description = "The previous primary "
            + "contact becomes an ordinary one in the same transaction, so a customer always has zero or one primary "
            + "contact. If-Match is optional; when sent it must be current. Repeating it changes nothing.")
    @ApiResponse(responseCode = "200", description = "The contact, now primary, with its ETag")
    @ApiResponse(responseCode = "404", description = "Unknown, out of scope or not this customer's", content =
            @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "notFound",
                    value = NOT_FOUND)))
    ResponseEntity<ContactResponse> makePrimary(@PathVariable String customerId, @PathVariable String contactId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Contact contact = contacts.makePrimary(customerId, contactId, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(ContactResponse.of(contact));
    }
}
