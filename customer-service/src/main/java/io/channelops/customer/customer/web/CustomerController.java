package io.channelops.customer.customer.web;

import io.channelops.customer.customer.Csv;
import io.channelops.customer.customer.Customer;
import io.channelops.customer.customer.CustomerFilter;
import io.channelops.customer.customer.CustomerLevel;
import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.CustomerStatus;
import io.channelops.customer.customer.CustomerType;
import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import io.channelops.platform.web.PageResponse;
import io.channelops.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
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
 * {@code /api/v1/customers}: register, read, change, reassign, search, export, look up by phone, merge, and read the
 * relationship tree and the history of customers. Reads need {@code customers:read}, registering and changing
 * {@code customers:write}, reassigning and merging {@code customers:assign}; every customer is served only within
 * the caller's data scope (404 outside it, lists filtered).
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "The customer archive")
class CustomerController {

    private static final Set<String> SORTS = Set.of("name", "code", "createdAt", "updatedAt", "regionCode",
            "lastActivityAt", "routeStop");
    private static final Sort DEFAULT_SORT = Sort.by("createdAt").descending();
    private static final String ATTRIBUTE_PREFIX = "attr.";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private static final String FILTERS = "Filters (all optional, combined with AND): type, level, status (each "
            + "repeatable: any of the values), grade, industry, companySize, regionCode, routeCode, tags "
            + "(comma-separated or "
            + "repeated; tagMatch=any (default) or all), attr.<key>=value (custom attribute, exact value), ownerId, "
            + "orgPath (that org unit and below, within your scope), lastActivityBefore (also customers without any "
            + "activity) / lastActivityAfter (ISO-8601 instants), parentId (direct children), q (text in name or "
            + "code, digits in phone numbers, contact names), hasOverdueBalance. ";

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    private CustomerResponse response(Customer customer) {
        return CustomerResponse.of(customer, customers.attributePresenter());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Register a customer", description = "Send an Idempotency-Key to make retries safe. "
            + "The caller becomes the owner; the customer lives in the caller's org unit. Refused with 409 "
            + "DUPLICATE_CUSTOMER when any customer (also outside your scope) has the same tax id, the same phone "
            + "number (compared normalized) or the same name in the same city (ignoring case and spaces): the "
            + "body's 'duplicate' gives its id, code and the rule, and its name when you may see it. 409 "
            + "CUSTOMER_CODE_TAKEN, 422 INVALID_ATTRIBUTES (errors attributes.<key>), 422 UNKNOWN_PARENT, 422 "
            + "CUSTOMER_TREE_TOO_DEEP.")
    @ApiResponse(responseCode = "409", description = "A duplicate", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject("""
                    {"type": "https://channelops.io/problems/duplicate-customer", "title": "Conflict", "status": 409,
                     "code": "DUPLICATE_CUSTOMER",
                     "detail": "The archive already has this customer (same tax id): ACME-SH",
                     "duplicate": {"id": "0b6c2f4e-3f0e-4c1e-9d8a-1f2e3d4c5b6a", "code": "ACME-SH",
                                   "name": "Acme Trading (Shanghai)", "rule": "TAX_ID", "visible": true},
                     "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}""")))
    ResponseEntity<CustomerResponse> register(@Valid @RequestBody CustomerRequest request,
            @Parameter(description = "Makes a retried create return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Customer customer = customers.register(request.toRegistration());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
                .eTag(ETags.of(customer.version()))
                .body(response(customer));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read a customer", description = "404 NOT_FOUND outside your scope; 404 CUSTOMER_MERGED "
            + "with 'mergedInto' for a customer merged into one you may see.")
    ResponseEntity<CustomerResponse> get(@PathVariable String id) {
        Customer customer = customers.get(id);
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(response(customer));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Change a customer", description = "Requires the customer's ETag in If-Match. Raises "
            + "CustomerChanged naming the changed fields when anything changed. 409 DUPLICATE_CUSTOMER as on "
            + "registration, 422 INVALID_ATTRIBUTES, 422 UNKNOWN_PARENT, 422 CUSTOMER_TREE_CYCLE (the parent is the "
            + "customer itself or below it), 422 CUSTOMER_TREE_TOO_DEEP.")
    ResponseEntity<CustomerResponse> change(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CustomerChangeRequest request) {
        Customer customer = customers.change(id, ifMatch, request.toChange());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(response(customer));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('customers:assign')")
    @Operation(summary = "Reassign a customer", description = "Hands the customer to another active user within "
            + "the caller's org subtree; it then lives in that user's org unit. Requires the customer's ETag in "
            + "If-Match. 422 UNKNOWN_ASSIGNEE or ASSIGNEE_OUT_OF_SCOPE when the user cannot take it.")
    ResponseEntity<CustomerResponse> assign(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CustomerAssignRequest request) {
        Customer customer = customers.assign(id, ifMatch, request.toAssignment());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(response(customer));
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAuthority('customers:assign')")
    @Operation(summary = "Merge a duplicate into this customer", description = "Both customers must be in your "
            + "scope (404 for this one, 422 UNKNOWN_MERGED_CUSTOMER for the other). This customer's fields win, its "
            + "empty ones are filled from the duplicate; phones, addresses, tags and missing attributes are united; "
            + "the duplicate's children in the relationship tree move here, as do (through CustomersMerged) its "
            + "contacts, activities, tasks and cases. The duplicate then no longer exists: its id answers 404 "
            + "CUSTOMER_MERGED with mergedInto. Requires this customer's ETag in If-Match.")
    @ApiResponse(responseCode = "200", description = "The surviving customer")
    ResponseEntity<CustomerResponse> merge(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CustomerMergeRequest request) {
        Customer customer = customers.merge(id, ifMatch, request.mergedCustomerId(), request.reason());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(response(customer));
    }

    @GetMapping("/{id}/tree")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read the relationship tree below a customer", description = "The customer and everything "
            + "below it (at most the tree depth limit, 10 levels by default), children nested, each with roll-up "
            + "counts of its descendants in total and by type. Customers outside your scope are left out and not "
            + "counted; visible customers below them appear under their nearest visible ancestor.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @io.swagger.v3.oas.annotations.media.Schema(
            implementation = CustomerTreeResponse.class)))
    CustomerTreeResponse tree(@PathVariable String id) {
        return CustomerTreeResponse.of(customers.tree(id));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Read the change history of a customer", description = "Every revision, newest first: "
            + "when, by whom (user or client id), CREATED/CHANGED, and field by field what changed from the "
            + "revision before (lists whole, attributes key by key). Last-activity and last-order times are not "
            + "history. Size at most 200.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            {"content": [{"revision": 42, "at": "2026-03-02T10:15:30.123Z", "by": "u-rep-east1-a",
              "changeType": "CHANGED", "changes": [{"field": "status", "from": "PROSPECT", "to": "ACTIVE"}]},
             {"revision": 40, "at": "2026-03-01T08:00:00.000Z", "by": "u-rep-east1-a", "changeType": "CREATED",
              "changes": [{"field": "code", "to": "ACME-SH"}, {"field": "name", "to": "Acme Trading"}]}],
             "page": {"number": 0, "size": 20, "totalElements": 2, "totalPages": 1}}""")))
    PageResponse<RevisionResponse> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Pageable pageable = Paging.pageable(page, size, "", Sort.unsorted(), Set.of());
        return PageResponse.of(customers.history(id, pageable), RevisionResponse::of);
    }

    @GetMapping("/lookup")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Find customers by phone number", description = "For a phone system's screen pop: the "
            + "customers in your scope having this number, written in any form (+86 138 1234 5678, 0086-138..., "
            + "13812345678 all match). 400 INVALID_PARAMETER for text that is no phone number.")
    PhoneLookupResponse lookup(@Parameter(example = "+86 138 1234 5678") @RequestParam @Size(max = 40) String phone) {
        return PhoneLookupResponse.of(customers.lookupByPhone(phone));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Search customers", description = FILTERS + "Lists only the customers in the caller's "
            + "data scope; totals count only those. 400 INVALID_PARAMETER for a bad value or an undefined attr.<key>, "
            + "INVALID_PAGE / INVALID_SORT for paging.")
    @Parameter(name = "attr.<key>", in = ParameterIn.QUERY, description = "Custom attribute filter, e.g. "
            + "attr.sales_channel=wholesale (exact, canonical value of the attribute's type)", example = "wholesale")
    PageResponse<CustomerResponse> search(@RequestParam(required = false) @Nullable List<CustomerType> type,
            @RequestParam(required = false) @Nullable List<CustomerLevel> level,
            @RequestParam(required = false) @Nullable List<CustomerStatus> status,
            @RequestParam(required = false) @Nullable @Size(max = 32) String grade,
            @RequestParam(required = false) @Nullable @Size(max = 64) String industry,
            @RequestParam(required = false) @Nullable @Size(max = 32) String companySize,
            @RequestParam(required = false) @Nullable @Size(max = 32) String regionCode,
            @RequestParam(required = false) @Nullable @Size(max = 32) String routeCode,
            @Parameter(description = "Tags, comma-separated or repeated") @RequestParam(required = false)
            @Nullable @Size(max = 20) List<String> tags,
            @Parameter(description = "any (default): at least one of the tags; all: every one")
            @RequestParam(defaultValue = "any") String tagMatch,
            @RequestParam(required = false) @Nullable @Size(max = 64) String ownerId,
            @Parameter(description = "An org unit: customers there and below it (within your scope)",
                    example = "/hq/east") @RequestParam(required = false) @Nullable @Size(max = 255) String orgPath,
            @Parameter(description = "Last activity before this instant, or none at all",
                    example = "2026-01-01T00:00:00Z")
            @RequestParam(required = false) @Nullable Instant lastActivityBefore,
            @Parameter(description = "Last activity at or after this instant", example = "2026-01-01T00:00:00Z")
            @RequestParam(required = false) @Nullable Instant lastActivityAfter,
            @Parameter(description = "Direct children of this customer in the relationship tree")
            @RequestParam(required = false) @Nullable @Size(max = 36) String parentId,
            @Parameter(description = "Text in name or code; 4+ digits also search phone numbers")
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @Parameter(description = "Customers with (true) or without (false) an overdue balance")
            @RequestParam(required = false) @Nullable Boolean hasOverdueBalance,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name, code, createdAt, updatedAt, regionCode, lastActivityAt or routeStop, "
                    + "optionally ,asc or ,desc (default createdAt,desc)")
            @RequestParam(defaultValue = "") String sort,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        Pageable pageable = Paging.pageable(page, size, sort, DEFAULT_SORT, SORTS);
        CustomerFilter filter = filter(type, level, status, grade, industry, companySize, regionCode, routeCode, tags,
                tagMatch, ownerId, orgPath, lastActivityBefore, lastActivityAfter, parentId, q, hasOverdueBalance,
                parameters);
        Function<Map<String, String>, Map<String, Object>> attributes = customers.attributePresenter();
        return PageResponse.of(customers.search(filter, pageable), c -> CustomerResponse.of(c, attributes));
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Export customers as CSV", description = FILTERS + "Every customer of the filtered list in "
            + "your scope (no page limit), streamed from the database as it is written. text/csv; charset=UTF-8, "
            + "RFC 4180 (comma, CRLF, quotes doubled), starting with a byte order mark unless bom=false (so that "
            + "spreadsheet programs read UTF-8). Columns: " + "id, code, name, legalName, taxId, type, level, grade, "
            + "status, industry, companySize, regionCode, routeCode, routeStop, city, email, website, "
            + "establishedDate, parentId, phones, tags, billingAddress, shippingAddress, ownerId, orgPath, "
            + "lastActivityAt, lastOrderAt, createdAt, updatedAt, then attr.<key> for each defined attribute.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", examples = @ExampleObject("""
            id,code,name,legalName,taxId,type,level,grade,status,industry,companySize,regionCode,routeCode,\
            routeStop,city,email,website,establishedDate,parentId,phones,tags,billingAddress,shippingAddress,ownerId,\
            orgPath,lastActivityAt,lastOrderAt,createdAt,updatedAt,attr.sales_channel
            0b6c2f4e-3f0e-4c1e-9d8a-1f2e3d4c5b6a,ACME-SH,Acme Trading (Shanghai),,91310000MA1K4XYZ2B,DISTRIBUTOR,\
            KEY,A,ACTIVE,FMCG,200-500,EAST,SH-01,3,Shanghai,purchasing@acme.example,,,,+86 21 6123 4567 (office),\
            vip; wholesale,"88 Century Avenue, Shanghai, 200120, CN",,u-rep-east1-a,/hq/east/team-1,,,\
            2026-03-01T08:00:00Z,2026-03-01T08:00:00Z,wholesale
            """)))
    void export(@RequestParam(required = false) @Nullable List<CustomerType> type,
            @RequestParam(required = false) @Nullable List<CustomerLevel> level,
            @RequestParam(required = false) @Nullable List<CustomerStatus> status,
            @RequestParam(required = false) @Nullable @Size(max = 32) String grade,
            @RequestParam(required = false) @Nullable @Size(max = 64) String industry,
            @RequestParam(required = false) @Nullable @Size(max = 32) String companySize,
            @RequestParam(required = false) @Nullable @Size(max = 32) String regionCode,
            @RequestParam(required = false) @Nullable @Size(max = 32) String routeCode,
            @RequestParam(required = false) @Nullable @Size(max = 20) List<String> tags,
            @RequestParam(defaultValue = "any") String tagMatch,
            @RequestParam(required = false) @Nullable @Size(max = 64) String ownerId,
            @RequestParam(required = false) @Nullable @Size(max = 255) String orgPath,
            @RequestParam(required = false) @Nullable Instant lastActivityBefore,
            @RequestParam(required = false) @Nullable Instant lastActivityAfter,
            @RequestParam(required = false) @Nullable @Size(max = 36) String parentId,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(required = false) @Nullable Boolean hasOverdueBalance,
            @Parameter(description = "Same as the search's sort (default createdAt,desc)")
            @RequestParam(defaultValue = "") String sort,
            @Parameter(description = "Start with a UTF-8 byte order mark (default true)")
            @RequestParam(defaultValue = "true") boolean bom,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            HttpServletResponse response) throws IOException {
        Sort order = Paging.pageable(0, 1, sort, DEFAULT_SORT, SORTS).getSort();
        CustomerFilter filter = filter(type, level, status, grade, industry, companySize, regionCode, routeCode, tags,
                tagMatch, ownerId, orgPath, lastActivityBefore, lastActivityAfter, parentId, q, hasOverdueBalance,
                parameters);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"customers-" + FILE_TIME.format(Instant.now()) + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (bom) {
            writer.write('\uFEFF');
        }
        customers.export(filter, order, line -> {
            try {
                writer.write(Csv.line(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    private static CustomerFilter filter(@Nullable List<CustomerType> type, @Nullable List<CustomerLevel> level,
            @Nullable List<CustomerStatus> status, @Nullable String grade, @Nullable String industry,
            @Nullable String companySize, @Nullable String regionCode, @Nullable String routeCode,
            @Nullable List<String> tags, String tagMatch, @Nullable String ownerId, @Nullable String orgPath,
            @Nullable Instant lastActivityBefore, @Nullable Instant lastActivityAfter, @Nullable String parentId,
            @Nullable String q, @Nullable Boolean hasOverdueBalance, MultiValueMap<String, String> parameters) {
        if (!tagMatch.equals("any") && !tagMatch.equals("all")) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "Parameter 'tagMatch' must be any or all", "tagMatch");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX)) {
                if (values.size() != 1 || values.getFirst() == null) {
                    throw ApiProblem.badRequest("INVALID_PARAMETER", "Parameter '" + name + "' must have one value",
                            name);
                }
                attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), values.getFirst());
            }
        });
        return new CustomerFilter(type == null ? List.of() : type, level == null ? List.of() : level,
                status == null ? List.of() : status, grade, industry, companySize, regionCode, routeCode,
                tags == null ? Set.of() : Set.copyOf(tags), tagMatch.equals("all"), attributes, ownerId, orgPath,
                lastActivityBefore, lastActivityAfter, parentId, q, hasOverdueBalance);
    }
}
