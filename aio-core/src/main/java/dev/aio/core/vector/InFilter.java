package dev.aio.core.vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code key in [values]} or {@code key not in [values]}. Build it with {@link Filter#in} or
 * {@link Filter#notIn}.
 *
 * @param key the metadata key
 * @param values one or more Strings, Longs, Doubles or Booleans
 * @param negated {@code true} for {@code not in}, which also matches records without the key
 */
public record InFilter(String key, List<Object> values, boolean negated) implements Filter {

    /** Validates and normalises the operands. */
    public InFilter {
        FilterValues.requireKey(key);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("'" + key + (negated ? " not in" : " in") + "' needs at least one value");
        }
        List<Object> copy = new ArrayList<>(values.size());
        for (Object v : values) {
            copy.add(FilterValues.scalar(key, v));
        }
        values = Collections.unmodifiableList(copy);
    }

    @Override
    public FilterOperator operator() {
        return negated ? FilterOperator.NOT_IN : FilterOperator.IN;
    }

    @Override
    public boolean test(Map<String, ?> metadata) {
        return negated != contains(metadata.get(key));
    }

    private boolean contains(Object actual) {
        if (actual == null) {
            return false;
        }
        if (actual instanceof List) {
            for (Object element : (List<?>) actual) {
                if (contains(element)) {
                    return true;
                }
            }
            return false;
        }
        for (Object v : values) {
            if (FilterValues.equal(actual, v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        values.forEach(v -> list.add(FilterValues.renderValue(v)));
        return FilterValues.renderKey(key) + (negated ? " not in " : " in ") + list;
    }
}
