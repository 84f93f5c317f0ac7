package io.channelops.deploy;

/**
 * One broken rule.
 *
 * @param object the object (or service) it is about, as {@code Kind/name}
 * @param rule   the rule's id, e.g. {@code probe.readiness}
 * @param detail what is wrong, for a person
 */
record ManifestViolation(String object, String rule, String detail) {

    /** {@code object rule}: what a test expects, without the wording. */
    String key() {
        return object + " " + rule;
    }

    @Override
    public String toString() {
        return object + " [" + rule + "] " + detail;
    }
}
