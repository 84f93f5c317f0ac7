package io.channelops.order.order.web;

/** Shapes of ids the API accepts. */
final class Ids {

    /** A UUID in its canonical text form, either case. */
    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** An opaque id of another system (a user id, for example). */
    static final String OPAQUE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private Ids() {
    }
}
