package dev.aio.core.vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Normalising, comparing and rendering the typed values of metadata and filters. */
final class FilterValues {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private FilterValues() {
    }

    /**
     * A filter operand as one of String, Long, Double or Boolean.
     *
     * @throws IllegalArgumentException for any other type or a NaN
     */
    static Object scalar(String key, Object value) {
        Objects.requireNonNull(value, () -> "filter value for key '" + key + "' is null; use exists() or !exists()");
        if (value instanceof String || value instanceof Long || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("filter value for key '" + key + "' is NaN");
            }
            return d;
        }
        throw new IllegalArgumentException("filter value for key '" + key + "' has unsupported type "
                + value.getClass().getName() + "; use a String, long, double or boolean");
    }

    /**
     * A metadata value as String, Long, Double, Boolean or an immutable List of String.
     *
     * @throws IllegalArgumentException for any other type, a NaN or a list with a non-string
     */
    static Object metadata(String key, Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            List<String> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String)) {
                    throw new IllegalArgumentException("metadata '" + key + "' is a list with a "
                            + (o == null ? "null" : o.getClass().getName()) + " element; lists hold strings only");
                }
                copy.add((String) o);
            }
            return Collections.unmodifiableList(copy);
        }
        if (value == null) {
            throw new IllegalArgumentException("metadata '" + key + "' is null; leave the key out instead");
        }
        try {
            return scalar(key, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metadata '" + key + "' has unsupported type " + value.getClass().getName()
                    + "; use a String, long, double, boolean or List<String>");
        }
    }

    static String requireKey(String key) {
        Objects.requireNonNull(key, "filter key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("filter key is blank");
        }
        return key;
    }

    /** Equality across the numeric types, exact for the others. */
    static boolean equal(Object actual, Object expected) {
        if (actual instanceof Number && expected instanceof Number) {
            return compareNumbers((Number) actual, (Number) expected) == 0;
        }
        return actual.equals(expected);
    }

    /**
     * Orders two scalars of a comparable kind.
     *
     * @return the comparison, or {@code null} when the kinds differ (a string against a number)
     */
    static Integer compare(Object actual, Object expected) {
        if (actual instanceof Number && expected instanceof Number) {
            return compareNumbers((Number) actual, (Number) expected);
        }
        if (actual instanceof String && expected instanceof String) {
            return ((String) actual).compareTo((String) expected);
        }
        return null;
    }

    private static int compareNumbers(Number a, Number b) {
        if (a instanceof Long && b instanceof Long) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    static String renderKey(String key) {
        return PLAIN_KEY.matcher(key).matches() && !Keywords.isKeyword(key) ? key
                : "`" + key.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    static String renderValue(Object value) {
        if (value instanceof String) {
            return "'" + ((String) value).replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isInfinite(d)) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            return Double.toString(d);
        }
        return String.valueOf(value);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Words of the filter syntax that cannot be bare keys. */
    static final class Keywords {
        private Keywords() {
        }

        static boolean isKeyword(String word) {
            switch (word) {
                case "in":
                case "not":
                case "contains":
                case "exists":
                case "true":
                case "false":
                case "Infinity":
                    return true;
                default:
                    return false;
            }
        }
    }
}
