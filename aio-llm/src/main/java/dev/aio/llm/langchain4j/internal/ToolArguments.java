package dev.aio.llm.langchain4j.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * A tool call's JSON arguments, checked against the names a tool accepts. Problems are
 * {@link ToolArgumentException}s whose message is written for the model that made the call.
 * Not part of the API.
 */
public final class ToolArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tool;
    private final ObjectNode args;

    private ToolArguments(String tool, ObjectNode args) {
        this.tool = tool;
        this.args = args;
    }

    /**
     * @param tool the tool's name, for messages
     * @param json the arguments as the model sent them; null or blank is no arguments
     * @param accepted the argument names the tool knows; any other is refused, so an argument a
     *     model invents (a tenant, a bucket) is never silently ignored
     * @return the parsed arguments
     * @throws ToolArgumentException for invalid JSON, a non-object, or an unknown argument
     */
    public static ToolArguments parse(String tool, String json, Set<String> accepted) {
        if (json == null || json.isBlank()) {
            return new ToolArguments(tool, JSON.createObjectNode());
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ToolArgumentException(tool + ": arguments are not valid JSON (" + e.getOriginalMessage()
                    + "); send a JSON object such as {\"query\": \"...\"}");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ToolArgumentException(tool + ": arguments must be a JSON object, got " + node.getNodeType());
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!accepted.contains(name)) {
                throw new ToolArgumentException(tool + ": unknown argument '" + name + "'; accepted: " + accepted);
            }
        }
        return new ToolArguments(tool, object);
    }

    /** @return the argument as non-blank text @throws ToolArgumentException when absent or not a string */
    public String requiredText(String name) {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw new ToolArgumentException(tool + ": argument '" + name + "' is required and must be non-blank text");
        }
        return value;
    }

    /** @return the argument's text, or null when absent or JSON null @throws ToolArgumentException when not a string */
    public String optionalText(String name) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ToolArgumentException(tool + ": argument '" + name + "' must be a string, got " + v);
        }
        return v.textValue();
    }

    /**
     * @return the argument as an int in [min, max], or {@code fallback} when absent
     * @throws ToolArgumentException when not an integer in range
     */
    public int optionalInt(String name, int min, int max, int fallback) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw new ToolArgumentException(tool + ": argument '" + name + "' must be an integer in [" + min + ", "
                    + max + "], got " + v);
        }
        return v.intValue();
    }

    /** @return the shared JSON mapper for writing results */
    public static ObjectMapper json() {
        return JSON;
    }
}
