package dev.aio.core.vector;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code key contains 'text'}: the string value (or any element of a string list) contains the
 * text, ignoring case (in {@link java.util.Locale#ROOT}). Build it with {@link Filter#containsText}.
 *
 * @param key the metadata key
 * @param text a non-empty text
 */
public record ContainsTextFilter(String key, String text) implements Filter {

    /** Validates the operands. */
    public ContainsTextFilter {
        FilterValues.requireKey(key);
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("'" + key + " contains' needs a non-empty text");
        }
    }

    @Override
    public FilterOperator operator() {
        return FilterOperator.CONTAINS_TEXT;
    }

    @Override
    public boolean test(Map<String, ?> metadata) {
        return contains(metadata.get(key), FilterValues.lower(text));
    }

    private static boolean contains(Object actual, String needle) {
        if (actual instanceof String) {
            return FilterValues.lower((String) actual).contains(needle);
        }
        if (actual instanceof List) {
            for (Object element : (List<?>) actual) {
                if (contains(element, needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return FilterValues.renderKey(key) + " contains " + FilterValues.renderValue(text);
    }
}
