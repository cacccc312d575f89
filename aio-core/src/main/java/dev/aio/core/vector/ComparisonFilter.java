package dev.aio.core.vector;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code key OP value} for {@code == != > >= < <=}. Build it with {@link Filter#eq} and its
 * siblings.
 *
 * @param operator one of {@link FilterOperator#isComparison() the comparison operators}
 * @param key the metadata key
 * @param value a String, Long, Double or Boolean (booleans only with {@code ==} and {@code !=})
 */
public record ComparisonFilter(FilterOperator operator, String key, Object value) implements Filter {

    /** Validates and normalises the operands. */
    public ComparisonFilter {
        Objects.requireNonNull(operator, "operator");
        if (!operator.isComparison()) {
            throw new IllegalArgumentException(operator + " is not a comparison operator");
        }
        FilterValues.requireKey(key);
        value = FilterValues.scalar(key, value);
        if (value instanceof Boolean && operator != FilterOperator.EQ && operator != FilterOperator.NE) {
            throw new IllegalArgumentException("'" + key + " " + operator.symbol() + " " + value
                    + "': booleans support only == and !=");
        }
    }

    @Override
    public boolean test(Map<String, ?> metadata) {
        if (operator == FilterOperator.NE) {
            return !matches(metadata.get(key), FilterOperator.EQ);
        }
        return matches(metadata.get(key), operator);
    }

    private boolean matches(Object actual, FilterOperator op) {
        if (actual == null) {
            return false;
        }
        if (actual instanceof List) {
            for (Object element : (List<?>) actual) {
                if (matches(element, op)) {
                    return true;
                }
            }
            return false;
        }
        if (op == FilterOperator.EQ) {
            return FilterValues.equal(actual, value);
        }
        Integer c = FilterValues.compare(actual, value);
        if (c == null) {
            return false;
        }
        switch (op) {
            case GT:
                return c > 0;
            case GTE:
                return c >= 0;
            case LT:
                return c < 0;
            case LTE:
                return c <= 0;
            default:
                throw new AssertionError(op);
        }
    }

    @Override
    public String toString() {
        return FilterValues.renderKey(key) + " " + operator.symbol() + " " + FilterValues.renderValue(value);
    }
}
