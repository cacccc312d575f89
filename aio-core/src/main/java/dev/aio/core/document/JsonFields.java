package dev.aio.core.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which fields of a JSON object are text and which are metadata, shared by {@link JsonParser}
 * and {@link JsonLinesParser}. Paths are JSON Pointers ({@code /body/text}) or dotted paths
 * ({@code body.text}, {@code items.0.title}). Immutable and thread-safe; {@link Config} is what
 * both parsers' builders collect it in.
 */
final class JsonFields {

    private final List<String> textPaths;
    private final List<JsonPointer> textPointers;
    private final Map<String, JsonPointer> metadataPointers;
    private final Map<String, String> metadataPaths;
    /** One mapper per nesting limit: limits are given per call, and mappers are costly to build. */
    private final Map<Integer, ObjectMapper> mappers = new ConcurrentHashMap<>();

    JsonFields(List<String> textPaths, Map<String, String> metadataPaths) {
        if (textPaths.isEmpty()) {
            throw new IllegalArgumentException("JSON parser: at least one text field is needed");
        }
        this.textPaths = List.copyOf(textPaths);
        this.textPointers = textPaths.stream().map(JsonFields::pointer).toList();
        this.metadataPaths = new LinkedHashMap<>(metadataPaths);
        this.metadataPointers = new LinkedHashMap<>();
        metadataPaths.forEach((key, path) -> metadataPointers.put(MetadataValues.requireKey(key), pointer(path)));
    }

    static JsonPointer pointer(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("JSON parser: a field path is blank");
        }
        if (path.startsWith("/")) {
            return JsonPointer.compile(path);
        }
        StringBuilder pointer = new StringBuilder();
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("JSON parser: field path '" + path + "' has an empty segment");
            }
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(pointer.toString());
    }

    List<String> textPaths() {
        return textPaths;
    }

    Map<String, String> metadataPaths() {
        return metadataPaths;
    }

    /**
     * Reads one JSON value, holding it to the nesting limit.
     *
     * @throws DocumentRejectedException {@code TOO_DEEP} past the limit, {@code CORRUPT} for malformed JSON
     */
    JsonNode read(String json, DocumentInput input, String parser, ParseLimits limits, String where) {
        ObjectMapper mapper = mappers.computeIfAbsent(limits.maxDepth(), depth -> JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).build()).build()).build());
        try {
            return mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new DocumentRejectedException(input.source(), parser, RejectionReason.TOO_DEEP, where
                    + "nests deeper than " + limits.maxDepth() + " levels (ParseLimits.maxDepth)", e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DocumentRejectedException(input.source(), parser, RejectionReason.CORRUPT, where
                    + "is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The text of each text field present, in configuration order, as {@code path -> text}. */
    Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < textPointers.size(); i++) {
            String text = textOf(node.at(textPointers.get(i)));
            if (text != null && !text.isBlank()) {
                texts.put(textPaths.get(i), text);
            }
        }
        return texts;
    }

    /** The metadata fields present whose values are scalars or arrays of scalars. */
    Map<String, Object> metadata(JsonNode node) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadataPointers.forEach((key, pointer) -> {
            JsonNode value = node.at(pointer);
            if (value.isTextual()) {
                metadata.put(key, value.textValue());
            } else if (value.isBoolean()) {
                metadata.put(key, value.booleanValue());
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                metadata.put(key, value.longValue());
            } else if (value.isNumber()) {
                metadata.put(key, value.doubleValue());
            } else if (value.isArray()) {
                List<String> strings = new ArrayList<>();
                value.forEach(v -> {
                    if (v.isValueNode() && !v.isNull()) {
                        strings.add(v.asText());
                    }
                });
                metadata.put(key, strings);
            }
        });
        return metadata;
    }

    /** Strings as they are, scalars as written, arrays of those one per line; objects are not text. */
    private static String textOf(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> lines = new ArrayList<>();
            value.forEach(v -> {
                String line = textOf(v);
                if (line != null && !line.isBlank()) {
                    lines.add(line);
                }
            });
            return lines.isEmpty() ? null : String.join("\n", lines);
        }
        return null;
    }

    /** For a parser's describe(): its name, then the configuration as written. */
    Map<String, Object> describe(String parser) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("parser", parser);
        d.put("textFields", textPaths);
        d.put("metadataFields", new LinkedHashMap<>(metadataPaths));
        return d;
    }

    /**
     * The field configuration as a parser's builder collects it; checked by {@link #build()},
     * so that both parsers accept the same paths with the same messages. Not thread-safe.
     */
    static final class Config {

        private List<String> textPaths = JsonParser.DEFAULT_TEXT_FIELDS;
        private final Map<String, String> metadataPaths = new LinkedHashMap<>();

        void textFields(String... paths) {
            this.textPaths = List.of(paths);
        }

        void metadataField(String key, String path) {
            metadataPaths.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(path, "path"));
        }

        /** @throws IllegalArgumentException for no text fields, a malformed path or an unusable key */
        JsonFields build() {
            return new JsonFields(textPaths, metadataPaths);
        }
    }
}
