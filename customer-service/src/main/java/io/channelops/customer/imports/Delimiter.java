package io.channelops.customer.imports;

/** What separates the cells of an import file's rows. */
public enum Delimiter {
    COMMA(','), TAB('\t');

    private final char character;

    Delimiter(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }
}
