package dev.aio.core.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps document and chunk metadata within what a {@link dev.aio.core.vector.VectorRecord}
 * accepts, so an ingestor can copy it across without a second check that fails late.
 */
final class MetadataValues {

    /** The key shape vector stores accept. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private MetadataValues() {
    }

    /**
     * An unmodifiable, insertion-ordered copy with every value normalised.
     *
     * @throws IllegalArgumentException naming the key of an unsupported key or value
     */
    static Map<String, Object> copyOf(Map<String, ?> metadata) {
        Map<String, Object> copy = new LinkedHashMap<>();
        metadata.forEach((k, v) -> copy.put(requireKey(k), normalise(k, v)));
        return Collections.unmodifiableMap(copy);
    }

    static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("metadata key '" + key + "' must match " + KEY.pattern());
        }
        return key;
    }

    /** String, Long, Double, Boolean or an unmodifiable List of String; ints become longs, floats doubles. */
    static Object normalise(String key, Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("metadata '" + key + "' is " + d + "; only finite numbers are kept");
            }
            return d;
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException("metadata '" + key + "' is a list with a "
                            + (o == null ? "null" : o.getClass().getName()) + " element; lists hold strings only");
                }
                strings.add(s);
            }
            return Collections.unmodifiableList(strings);
        }
        throw new IllegalArgumentException("metadata '" + key + "' has unsupported type "
                + (value == null ? "null" : value.getClass().getName())
                + "; use a String, long, double, boolean or list of strings");
    }
}
