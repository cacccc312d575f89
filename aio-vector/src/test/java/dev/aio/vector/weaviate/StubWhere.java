package dev.aio.vector.weaviate;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates a Weaviate where filter against one stored object, as Weaviate documents it: a
 * comparison on an array property matches when any element does; a missing property matches
 * no comparison; {@code IsNull} needs the class to index null state and counts an empty array
 * as null; the value key must fit the property's type; an unknown property is an error.
 * {@code NotEqual} and {@code ContainsAll} are not modelled and are refused, so a translation
 * that sends them fails loudly here. Part of {@link WeaviateStubServer}.
 */
final class StubWhere {

    /** Weaviate refused the filter; the message is what it would say. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final Map<String, String> dataTypes;
    private final boolean nullState;
    private final boolean notOperator;

    /**
     * @param dataTypes the class's property name -> data type
     * @param nullState whether the class indexes null state
     * @param notOperator whether the server knows {@code Not} (1.33+)
     */
    StubWhere(Map<String, String> dataTypes, boolean nullState, boolean notOperator) {
        this.dataTypes = dataTypes;
        this.nullState = nullState;
        this.notOperator = notOperator;
    }

    @SuppressWarnings("unchecked")
    boolean test(Map<String, Object> where, String id, Map<String, Object> properties) {
        String op = (String) where.get("operator");
        List<Map<String, Object>> operands = (List<Map<String, Object>>) where.get("operands");
        switch (op) {
            case "And":
                return operands.stream().allMatch(o -> test(o, id, properties));
            case "Or":
                return operands.stream().anyMatch(o -> test(o, id, properties));
            case "Not":
                if (!notOperator) {
                    throw new Refused("unrecognized operator: Not");
                }
                if (operands == null || operands.size() != 1) {
                    throw new Refused("operator Not requires exactly one operand");
                }
                return !test(operands.get(0), id, properties);
            default:
                return leaf(op, where, id, properties);
        }
    }

    private boolean leaf(String op, Map<String, Object> where, String id, Map<String, Object> properties) {
        String path = ((List<?>) where.get("path")).get(0).toString();
        Object actual;
        String type;
        if (path.equals("id")) {
            actual = id;
            type = "uuid";
        } else {
            type = dataTypes.get(path);
            if (type == null) {
                throw new Refused("no such prop with name '" + path + "' found in class in the schema");
            }
            actual = properties.get(path);
        }
        if (op.equals("IsNull")) {
            if (!nullState) {
                throw new Refused("Nullstate must be indexed to be filterable! Add `indexNullState: true` to the "
                        + "invertedIndexConfig");
            }
            boolean isNull = actual == null || (actual instanceof List && ((List<?>) actual).isEmpty());
            return isNull == (Boolean) value(where, "valueBoolean", "boolean", path);
        }
        if (op.equals("Like")) {
            Pattern p = Pattern.compile(((String) value(where, "valueText", type, path)).replace("*", ".*")
                    .replace("?", "."), Pattern.DOTALL);
            return any(actual, a -> p.matcher(a.toString()).matches());
        }
        if (op.equals("ContainsAny")) {
            List<?> wanted = (List<?>) value(where, arrayKey(type), type, path);
            return any(actual, a -> wanted.stream().anyMatch(w -> compare(a, w) == 0));
        }
        String key = valueKey(type);
        Object expected = value(where, key, type, path);
        switch (op) {
            case "Equal":
                return any(actual, a -> compare(a, expected) == 0);
            case "GreaterThan":
                return any(actual, a -> compare(a, expected) > 0);
            case "GreaterThanEqual":
                return any(actual, a -> compare(a, expected) >= 0);
            case "LessThan":
                return any(actual, a -> compare(a, expected) < 0);
            case "LessThanEqual":
                return any(actual, a -> compare(a, expected) <= 0);
            default:
                throw new Refused("operator " + op + " is not modelled by WeaviateStubServer");
        }
    }

    private interface Test {
        boolean on(Object element);
    }

    private static boolean any(Object actual, Test t) {
        if (actual == null) {
            return false;
        }
        if (actual instanceof List) {
            return ((List<?>) actual).stream().anyMatch(t::on);
        }
        return t.on(actual);
    }

    private static String valueKey(String type) {
        switch (type) {
            case "number":
            case "number[]":
                return "valueNumber";
            case "boolean":
            case "boolean[]":
                return "valueBoolean";
            default:
                return "valueText";
        }
    }

    private static String arrayKey(String type) {
        return valueKey(type) + "Array";
    }

    // Weaviate refuses a value key that does not fit the property's type.
    private static Object value(Map<String, Object> where, String key, String type, String path) {
        for (String k : where.keySet()) {
            if (k.startsWith("value") && !k.equals(key) && !(key.equals("valueNumber") && k.equals("valueInt"))) {
                throw new Refused("invalid where filter on '" + path + "': " + k + " cannot be used with data type "
                        + type);
            }
        }
        Object v = where.containsKey(key) ? where.get(key) : where.get("valueInt");
        if (v == null) {
            throw new Refused("invalid where filter on '" + path + "': expected " + key);
        }
        return v;
    }

    // Numbers as doubles (Weaviate's number is float64); text by code point, which is UTF-8 byte order.
    private static int compare(Object actual, Object expected) {
        if (actual instanceof Number && expected instanceof Number) {
            return Double.compare(((Number) actual).doubleValue(), ((Number) expected).doubleValue());
        }
        if (actual instanceof Boolean && expected instanceof Boolean) {
            return actual.equals(expected) ? 0 : 1;
        }
        String a = actual.toString();
        String b = expected.toString();
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
