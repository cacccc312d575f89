package dev.aio.vector.langchain4j.internal;

import dev.langchain4j.data.document.Metadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps langchain4j metadata (String, UUID, Integer, Long, Float, Double) onto aio's typed values
 * (String, Long, Double) and back. The types aio does not have are remembered under
 * {@link #TYPES_KEY} so a round trip returns the same Java types.
 */
public final class Langchain4jMetadata {

    /** The reserved metadata key holding {@code key + NUL + type} for UUID, Integer and Float values. */
    public static final String TYPES_KEY = "_lc4j_types";

    private Langchain4jMetadata() {
    }

    /** @param metadata langchain4j metadata @return aio metadata */
    public static Map<String, Object> toAio(Metadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        for (Map.Entry<String, Object> e : metadata.toMap().entrySet()) {
            Object v = e.getValue();
            if (v instanceof UUID) {
                types.add(e.getKey() + "\u0000U");
                out.put(e.getKey(), v.toString());
            } else if (v instanceof Integer) {
                types.add(e.getKey() + "\u0000I");
                out.put(e.getKey(), ((Integer) v).longValue());
            } else if (v instanceof Float) {
                types.add(e.getKey() + "\u0000F");
                out.put(e.getKey(), ((Float) v).doubleValue());
            } else {
                out.put(e.getKey(), v);
            }
        }
        if (!types.isEmpty()) {
            out.put(TYPES_KEY, types);
        }
        return out;
    }

    /** @param metadata aio metadata written by {@link #toAio} @return langchain4j metadata */
    public static Metadata fromAio(Map<String, Object> metadata) {
        Map<String, Character> types = new LinkedHashMap<>();
        Object declared = metadata.get(TYPES_KEY);
        if (declared instanceof List) {
            for (Object t : (List<?>) declared) {
                String s = (String) t;
                types.put(s.substring(0, s.length() - 2), s.charAt(s.length() - 1));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            if (e.getKey().equals(TYPES_KEY)) {
                continue;
            }
            Object v = e.getValue();
            Character type = types.get(e.getKey());
            if (type == null) {
                out.put(e.getKey(), v);
            } else if (type == 'U') {
                out.put(e.getKey(), UUID.fromString((String) v));
            } else if (type == 'I') {
                out.put(e.getKey(), (int) (long) (Long) v);
            } else {
                out.put(e.getKey(), (float) (double) (Double) v);
            }
        }
        return new Metadata(out);
    }

    /** @param value a langchain4j filter value @return the aio filter value */
    public static Object value(Object value) {
        if (value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        return value;
    }
}
