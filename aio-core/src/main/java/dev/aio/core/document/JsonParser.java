package dev.aio.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON value as one document. The configured text fields that are present become the text,
 * one {@link Section} each (heading path: the field's path as configured) separated by a blank
 * line; the configured metadata fields become document metadata. Content type
 * {@code application/json}; extension {@code json}. Immutable and thread-safe.
 *
 * <p>Refused: nesting deeper than {@link ParseLimits#maxDepth()} ({@link RejectionReason#TOO_DEEP}),
 * malformed JSON ({@link RejectionReason#CORRUPT}), and a value with none of the text fields
 * ({@link RejectionReason#NO_TEXT}, naming the fields looked for), plus what {@link TextDecoding}
 * refuses.
 */
public final class JsonParser implements DocumentParser {

    /** The name this parser registers under. */
    public static final String NAME = "json";

    /** The text fields looked for unless configured: {@code text}, {@code content}, {@code body}. */
    public static final List<String> DEFAULT_TEXT_FIELDS = List.of("text", "content", "body");

    private final JsonFields fields;

    private JsonParser(JsonFields fields) {
        this.fields = fields;
    }

    /** @return a builder with {@link #DEFAULT_TEXT_FIELDS} and no metadata fields */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("json");
    }

    @Override
    public Document parse(DocumentInput input, ParseLimits limits) {
        String json = TextDecoding.decode(input, NAME, limits);
        JsonNode root = fields.read(json, input, NAME, limits, "the document ");
        Map<String, String> texts = fields.texts(root);
        if (texts.isEmpty()) {
            throw new DocumentRejectedException(input.source(), NAME, RejectionReason.NO_TEXT,
                    "none of the text fields " + fields.textPaths() + " holds text; configure them with "
                            + "JsonParser.builder().textFields(...)");
        }
        StringBuilder text = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        texts.forEach((path, value) -> {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(value);
            sections.add(Section.of(List.of(path), start, text.length()));
        });
        Document.Builder doc = Document.builder(input.source(), NAME, text.toString());
        sections.forEach(doc::section);
        fields.metadata(root).forEach(doc::metadata);
        return doc.build();
    }

    @Override
    public Object describe() {
        return fields.describe(NAME);
    }

    /** Configures a {@link JsonParser}. Not thread-safe. */
    public static final class Builder {

        private final JsonFields.Config config = new JsonFields.Config();

        private Builder() {
        }

        /**
         * Sets the text fields, in the order their texts are joined.
         *
         * @param paths JSON Pointers or dotted paths, at least one
         * @return this builder
         */
        public Builder textFields(String... paths) {
            config.textFields(paths);
            return this;
        }

        /**
         * Adds a metadata field.
         *
         * @param key the metadata key
         * @param path a JSON Pointer or dotted path to a scalar or an array of scalars
         * @return this builder
         */
        public Builder metadataField(String key, String path) {
            config.metadataField(key, path);
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         * @throws IllegalArgumentException for no text fields, a malformed path or an unusable key
         */
        public JsonParser build() {
            return new JsonParser(config.build());
        }
    }
}
