package dev.aio.core.vector;

/**
 * The operators of the portable {@link Filter} DSL. A store lists those it can evaluate in its
 * {@link Capabilities#filterOperators()}; a filter that uses any other is refused before the
 * store sees it.
 */
public enum FilterOperator {
    /** {@code key == value}; for a string-list value, any element equals. */
    EQ("=="),
    /** {@code key != value}: the negation of {@link #EQ}, so it also matches a missing key. */
    NE("!="),
    /** {@code key > value}: numbers numerically, strings lexicographically. */
    GT(">"),
    /** {@code key >= value}. */
    GTE(">="),
    /** {@code key < value}. */
    LT("<"),
    /** {@code key <= value}. */
    LTE("<="),
    /** {@code key in [v1, v2]}: equals any listed value. */
    IN("in"),
    /** {@code key not in [v1, v2]}: the negation of {@link #IN}, so it also matches a missing key. */
    NOT_IN("not in"),
    /** {@code key contains 'text'}: the string value contains the text, ignoring case. */
    CONTAINS_TEXT("contains"),
    /** {@code exists(key)}: the key is present. */
    EXISTS("exists"),
    /** Every operand matches. */
    AND("&&"),
    /** At least one operand matches. */
    OR("||"),
    /** The operand does not match. */
    NOT("!");

    private final String symbol;

    FilterOperator(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as the filter text syntax writes it, e.g. {@code >=} */
    public String symbol() {
        return symbol;
    }

    /** @return whether this operator compares one key with one value ({@code == != > >= < <=}) */
    public boolean isComparison() {
        return ordinal() <= LTE.ordinal();
    }
}
