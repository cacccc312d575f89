package dev.aio.vector.weaviate.internal;

import java.util.List;

/** The Weaviate data type a metadata key is stored as; one per key, fixed by its first value. */
public enum PropertyKind {
    /** A string: {@code text} with {@code field} tokenization, so filters match the whole value. */
    TEXT("text"),
    /** A list of strings: {@code text[]}, field-tokenized; filters match when any element does. */
    TEXT_ARRAY("text[]"),
    /** A long or a double: {@code number} (float64), so every number compares numerically. */
    NUMBER("number"),
    /** A boolean. */
    BOOLEAN("boolean");

    private final String dataType;

    PropertyKind(String dataType) {
        this.dataType = dataType;
    }

    /** @return Weaviate's name for the data type, e.g. {@code text[]} */
    public String dataType() {
        return dataType;
    }

    /**
     * @param dataType a Weaviate data type name
     * @return the kind, or {@code null} for a type aio does not write (a class created elsewhere)
     */
    public static PropertyKind ofDataType(String dataType) {
        for (PropertyKind k : values()) {
            if (k.dataType.equals(dataType)) {
                return k;
            }
        }
        return null;
    }

    /** @param value a normalised metadata value (String, Long, Double, Boolean, List) @return its kind */
    public static PropertyKind ofMetadata(Object value) {
        if (value instanceof List) {
            return TEXT_ARRAY;
        }
        return ofScalar(value);
    }

    /** @param value a String, Long, Double or Boolean @return its kind */
    public static PropertyKind ofScalar(Object value) {
        if (value instanceof String) {
            return TEXT;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        return NUMBER;
    }

    /**
     * @param filterValue a filter operand (String, Long, Double or Boolean)
     * @return whether a property of this kind can ever equal or order against it
     */
    public boolean accepts(Object filterValue) {
        PropertyKind k = ofScalar(filterValue);
        return k == this || (k == TEXT && this == TEXT_ARRAY);
    }

    /** @return the GraphQL/REST where-filter key for one value of this kind */
    public String valueKey() {
        switch (this) {
            case NUMBER:
                return "valueNumber";
            case BOOLEAN:
                return "valueBoolean";
            default:
                return "valueText";
        }
    }
}
