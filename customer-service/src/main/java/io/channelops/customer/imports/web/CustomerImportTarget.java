package io.channelops.customer.imports.web;

import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.web.CustomerRequest;
import io.channelops.customer.imports.ImportTarget;
import org.springframework.stereotype.Component;

/**
 * Imports rows as {@link CustomerRequest}s, the body of {@code POST /api/v1/customers}, and registers each exactly
 * as that endpoint does: {@code CustomerService.register(request.toRegistration())}. Whatever fields, constraints
 * and duplicate checks the request and the registration gain, an import has them too.
 */
@Component
class CustomerImportTarget implements ImportTarget<CustomerRequest> {

    private final CustomerService customers;

    CustomerImportTarget(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public Class<CustomerRequest> requestType() {
        return CustomerRequest.class;
    }

    @Override
    public String create(CustomerRequest request) {
        return customers.register(request.toRegistration()).id();
    }
}
