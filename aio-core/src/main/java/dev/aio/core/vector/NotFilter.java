package dev.aio.core.vector;

import java.util.Map;
import java.util.Objects;

/**
 * The operand does not match. Build it with {@link Filter#not} or {@link Filter#negate()}.
 *
 * @param operand the negated filter
 */
public record NotFilter(Filter operand) implements Filter {

    /** Validates the operand. */
    public NotFilter {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public FilterOperator operator() {
        return FilterOperator.NOT;
    }

    @Override
    public boolean test(Map<String, ?> metadata) {
        return !operand.test(metadata);
    }

    @Override
    public String toString() {
        return operand instanceof ExistsFilter || operand instanceof NotFilter ? "!" + operand : "!(" + operand + ")";
    }
}
