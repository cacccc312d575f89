package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both JSON parsers take their field configuration from {@link JsonFields.Config}. */
class JsonFieldsTest {

    @Test
    void bothParsersDescribeTheirFieldsTheSameWayUnderTheirOwnName() {
        Object json = JsonParser.builder().textFields("body.text").metadataField("author", "/meta/author").build()
                .describe();
        Object jsonl = JsonLinesParser.builder().textFields("body.text").metadataField("author", "/meta/author").build()
                .describe();

        assertThat(json).isEqualTo(Map.of("parser", "json", "textFields", List.of("body.text"),
                "metadataFields", Map.of("author", "/meta/author")));
        assertThat(jsonl).isEqualTo(Map.of("parser", "jsonl", "textFields", List.of("body.text"),
                "metadataFields", Map.of("author", "/meta/author")));
    }

    @Test
    void aParserKeepsItsFieldsWhenItsBuilderIsChangedAfterwards() {
        JsonLinesParser.Builder builder = JsonLinesParser.builder().metadataField("a", "a");
        JsonLinesParser first = builder.build();
        builder.metadataField("b", "b").textFields("title");

        assertThat(first.describe()).isEqualTo(Map.of("parser", "jsonl",
                "textFields", JsonParser.DEFAULT_TEXT_FIELDS, "metadataFields", Map.of("a", "a")));
    }

    @Test
    void bothParsersRefuseABadPathWithTheSameMessage() {
        String json = messageOf(() -> JsonParser.builder().textFields("a..b").build());
        String jsonl = messageOf(() -> JsonLinesParser.builder().textFields("a..b").build());

        assertThat(json).isEqualTo(jsonl).contains("'a..b'").contains("empty segment");
        assertThatThrownBy(() -> JsonLinesParser.builder().metadataField(null, "a")).isInstanceOf(NullPointerException.class)
                .hasMessage("key");
    }

    private static String messageOf(Runnable build) {
        try {
            build.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the build to be refused");
    }
}
