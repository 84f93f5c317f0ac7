package io.channelops.customer.customer;

import io.channelops.platform.web.ApiProblem;
import io.channelops.platform.web.ETags;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the customer archive; each one transaction. */
@Service
public class CustomerService {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Customers customers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CustomerService(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** What a client may set when registering a customer. */
    public record Registration(@Nullable String code, String name, CustomerType type, String regionCode,
            @Nullable String email) {
    }

    /** What a client may change; null leaves a field as it is. */
    public record Change(@Nullable String name, @Nullable String email) {
    }

    /** Filters of the customer list; null means any. */
    public record Filter(@Nullable CustomerType type, @Nullable String regionCode, @Nullable String text) {
    }

    @Transactional
    public Customer register(Registration registration) {
        String code = registration.code() == null ? newCode() : registration.code().toUpperCase(Locale.ROOT);
        if (customers.existsByCode(code)) {
            throw ApiProblem.conflict("CUSTOMER_CODE_TAKEN", "Customer code " + code + " is already in use", code);
        }
        Customer customer = Customer.register(code, registration.name().strip(), registration.type(),
                registration.regionCode().toUpperCase(Locale.ROOT), registration.email(), Instant.now(clock));
        return customers.save(customer);
    }

    @Transactional(readOnly = true)
    public Customer get(String id) {
        return customers.findById(id).orElseThrow(() -> ApiProblem.notFound("customer", id));
    }

    @Transactional
    public Customer change(String id, @Nullable String ifMatch, Change change) {
        Customer customer = get(id);
        ETags.requireMatch(ifMatch, customer.version(), "customer", id);
        Instant now = Instant.now(clock);
        if (change.name() != null) {
            customer.rename(change.name().strip(), now);
        }
        if (change.email() != null) {
            customer.changeContact(change.email().isBlank() ? null : change.email(), now);
        }
        return customers.saveAndFlush(customer);
    }

    @Transactional(readOnly = true)
    public Page<Customer> search(Filter filter, Pageable pageable) {
        Specification<Customer> spec = Specification.unrestricted();
        if (filter.type() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("type"), filter.type()));
        }
        if (filter.regionCode() != null) {
            String region = filter.regionCode().toUpperCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("regionCode"), region));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("%", "\\%") + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("name")), like),
                    cb.like(cb.lower(root.get("code")), like)));
        }
        return customers.findAll(spec, pageable);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("C-");
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
