package dev.aio.vector.weaviate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Renders the GraphQL text Weaviate's {@code Get} and {@code Aggregate} queries take. Arguments
 * are built as JSON trees (the same where objects the REST API takes) and written here as
 * GraphQL input literals: keys bare, strings quoted and escaped as JSON does (GraphQL string
 * escapes are JSON's), enum values such as {@code operator} bare.
 */
public final class GraphQl {

    // The argument fields whose values are GraphQL enums, not strings.
    private static final Set<String> ENUM_FIELDS = Set.of("operator", "fusionType");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GraphQl() {
    }

    /** @param node a JSON value @return it as a GraphQL input literal */
    public static String literal(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, false, out);
        return out.toString();
    }

    /** @param s a string @return it as a quoted GraphQL string */
    public static String string(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param vector floats @return them as a GraphQL list literal */
    public static String floats(float[] vector) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(vector[i]);
        }
        return out.append(']').toString();
    }

    private static void write(JsonNode node, boolean asEnum, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                out.append(first ? "" : ", ").append(e.getKey()).append(": ");
                write(e.getValue(), ENUM_FIELDS.contains(e.getKey()), out);
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? ", " : "");
                write(node.get(i), false, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append(asEnum ? node.asText() : string(node.asText()));
        } else {
            // Numbers and booleans: JSON's spelling is GraphQL's.
            out.append(node.toString());
        }
    }
}
