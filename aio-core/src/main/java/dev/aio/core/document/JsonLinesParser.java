package dev.aio.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines as one document with one {@link Section} per record. An object is the unit of
 * ingestion (one version, one set of chunk ids, one dead letter), so a file stays one document;
 * its records stay apart because chunkers never cut across sections. A record's section has the
 * heading path {@code ["line N"]} and metadata {@code line} (N, from 1) plus its configured
 * metadata fields; its text is its text fields joined by a blank line.
 *
 * <p>Blank lines are skipped. Records without any text field are skipped too and counted in the
 * document metadata {@code linesWithoutText}, so nothing is dropped unseen. Refused: a malformed
 * line ({@link RejectionReason#CORRUPT}, naming the line), a record nested deeper than
 * {@link ParseLimits#maxDepth()} ({@link RejectionReason#TOO_DEEP}), a file with no text at all
 * ({@link RejectionReason#NO_TEXT}), plus what {@link TextDecoding} refuses. Content types
 * {@code application/x-ndjson}, {@code application/jsonl}, {@code application/jsonlines};
 * extensions {@code jsonl}, {@code ndjson}. Immutable and thread-safe.
 */
public final class JsonLinesParser implements DocumentParser {

    /** The name this parser registers under. */
    public static final String NAME = "jsonl";

    /** The metadata key of a record's line number. */
    public static final String LINE_KEY = "line";

    private final JsonFields fields;

    private JsonLinesParser(JsonFields fields) {
        this.fields = fields;
    }

    /** @return a builder with {@link JsonParser#DEFAULT_TEXT_FIELDS} and no metadata fields */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-ndjson", "application/jsonl", "application/jsonlines");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("jsonl", "ndjson");
    }

    @Override
    public Document parse(DocumentInput input, ParseLimits limits) {
        String source = TextDecoding.decode(input, NAME, limits);
        StringBuilder text = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        long withoutText = 0;
        int lineNumber = 0;
        int lineStart = 0;
        while (lineStart < source.length()) {
            int newline = source.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? source.length() : newline;
            String line = source.substring(lineStart, lineEnd);
            lineStart = lineEnd + 1;
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = fields.read(line, input, NAME, limits, "line " + lineNumber + " ");
            Map<String, String> texts = fields.texts(record);
            if (texts.isEmpty()) {
                withoutText++;
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(String.join("\n\n", texts.values()));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put(LINE_KEY, (long) lineNumber);
            metadata.putAll(fields.metadata(record));
            sections.add(new Section(List.of("line " + lineNumber), start, text.length(), metadata));
        }
        if (sections.isEmpty()) {
            throw new DocumentRejectedException(input.source(), NAME, RejectionReason.NO_TEXT, "none of the "
                    + lineNumber + " lines has a text field " + fields.textPaths()
                    + "; configure them with JsonLinesParser.builder().textFields(...)");
        }
        Document.Builder doc = Document.builder(input.source(), NAME, text.toString());
        sections.forEach(doc::section);
        doc.metadata("linesWithoutText", withoutText);
        return doc.build();
    }

    @Override
    public Object describe() {
        return fields.describe(NAME);
    }

    /** Configures a {@link JsonLinesParser}. Not thread-safe. */
    public static final class Builder {

        private final JsonFields.Config config = new JsonFields.Config();

        private Builder() {
        }

        /**
         * Sets each record's text fields, in the order their texts are joined.
         *
         * @param paths JSON Pointers or dotted paths, at least one
         * @return this builder
         */
        public Builder textFields(String... paths) {
            config.textFields(paths);
            return this;
        }

        /**
         * Adds a metadata field, read from each record into its section.
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
        public JsonLinesParser build() {
            return new JsonLinesParser(config.build());
        }
    }
}
