package io.channelops.customer.imports.web;

import io.channelops.customer.customer.CustomerService;
import io.channelops.customer.customer.web.CustomerRequest;
import io.channelops.customer.imports.ImportTarget;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import org.springframework.stereotype.Component;

/**
 * Imports rows as {@link CustomerRequest}s, the body of {@code POST /api/v1/customers}, and registers each exactly
 * as that endpoint does: {@code CustomerService.register(request.toRegistration())}. Whatever fields, constraints
 * and duplicate checks the request and the registration gain, an import has them too.
 */
@Component
class CustomerImportTarget implements ImportTarget<CustomerRequest> {

    /**
     * {@code CustomerRequest.toRegistration()}, the controller's own mapping. It is package-private in the customer
     * API; it is looked up once at startup, so a change of its signature fails the service's start, not an import.
     */
    private static final MethodHandle TO_REGISTRATION = toRegistration();

    private final CustomerService customers;

    CustomerImportTarget(CustomerService customers) {
        this.customers = customers;
    }

    private static MethodHandle toRegistration() {
        try {
            Method method = CustomerRequest.class.getDeclaredMethod("toRegistration");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CustomerRequest.toRegistration() is needed to import customers", e);
        }
    }

    @Override
    public Class<CustomerRequest> requestType() {
        return CustomerRequest.class;
    }

    @Override
    public String create(CustomerRequest request) {
        CustomerService.Registration registration;
        try {
            registration = (CustomerService.Registration) TO_REGISTRATION.invoke(request);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return customers.register(registration).id();
    }
}
