package io.channelops.events;

/** Topic names: {@code <service>.<aggregate-plural>}. Never derived from a class name. */
public final class Topics {

    public static final String CUSTOMERS = "customer.customers";
    public static final String CUSTOMER_ACTIVITIES = "customer.activities";
    public static final String CUSTOMER_CASES = "customer.cases";
    public static final String PRODUCTS = "sales.products";
    public static final String PRICE_LISTS = "sales.price-lists";
    public static final String LEADS = "sales.leads";
    public static final String OPPORTUNITIES = "sales.opportunities";
    public static final String QUOTES = "sales.quotes";
    public static final String ORDERS = "order.orders";
    public static final String RESERVATIONS = "logistics.reservations";
    public static final String SHIPMENTS = "logistics.shipments";
    public static final String CREDIT_ACCOUNTS = "finance.credit-accounts";
    public static final String INVOICES = "finance.invoices";
    public static final String PAYMENTS = "finance.payments";
    public static final String USERS = "identity.users";
    public static final String ORG_UNITS = "identity.org-units";

    /** Suffix of the dead-letter topic each consuming service writes poison messages to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }
}
