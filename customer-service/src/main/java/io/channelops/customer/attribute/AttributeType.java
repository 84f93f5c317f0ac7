package io.channelops.customer.attribute;

/** The type of a custom attribute's values. */
public enum AttributeType {
    /** Free text, optionally limited in length and by a regular expression. */
    TEXT,
    /** A decimal number, optionally between a minimum and a maximum. */
    NUMBER,
    /** A calendar date, {@code yyyy-MM-dd}. */
    DATE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed list of options. */
    CHOICE
}
