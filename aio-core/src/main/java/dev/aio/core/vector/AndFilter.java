package dev.aio.core.vector;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every operand matches. Build it with {@link Filter#and(Filter...)}, which flattens nesting.
 *
 * @param operands two or more filters
 */
public record AndFilter(List<Filter> operands) implements Filter {

    /** Validates and copies the operands. */
    public AndFilter {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("&& needs at least two operands, got " + operands.size());
        }
    }

    @Override
    public FilterOperator operator() {
        return FilterOperator.AND;
    }

    @Override
    public boolean test(Map<String, ?> metadata) {
        for (Filter f : operands) {
            if (!f.test(metadata)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(" && ");
        for (Filter f : operands) {
            out.add(f instanceof OrFilter ? "(" + f + ")" : f.toString());
        }
        return out.toString();
    }
}
