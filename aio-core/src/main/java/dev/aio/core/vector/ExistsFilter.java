package dev.aio.core.vector;

import java.util.Map;

/**
 * {@code exists(key)}: the record has the key. Build it with {@link Filter#exists}.
 *
 * @param key the metadata key
 */
public record ExistsFilter(String key) implements Filter {

    /** Validates the key. */
    public ExistsFilter {
        FilterValues.requireKey(key);
    }

    @Override
    public FilterOperator operator() {
        return FilterOperator.EXISTS;
    }

    @Override
    public boolean test(Map<String, ?> metadata) {
        return metadata.get(key) != null;
    }

    @Override
    public String toString() {
        return "exists(" + FilterValues.renderKey(key) + ")";
    }
}
