package dev.aio.core.vector;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * At least one operand matches. Build it with {@link Filter#or(Filter...)}, which flattens
 * nesting.
 *
 * @param operands two or more filters
 */
public record OrFilter(List<Filter> operands) implements Filter {

    /** Validates and copies the operands. */
    public OrFilter {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("|| needs at least two operands, got " + operands.size());
        }
    }

    @Override
    public FilterOperator operator() {
        return FilterOperator.OR;
    }

    @Override
    public boolean test(Map<String, ?> metadata) {
        for (Filter f : operands) {
            if (f.test(metadata)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(" || ");
        operands.forEach(f -> out.add(f.toString()));
        return out.toString();
    }
}
