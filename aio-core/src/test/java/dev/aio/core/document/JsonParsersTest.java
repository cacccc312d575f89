package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonParsersTest {

    private static DocumentInput input(String key, String json) {
        return DocumentInput.of(DocumentSource.named(key, null), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void configuredTextFieldsBecomeSectionsAndMetadataFieldsKeepTheirTypes() {
        JsonParser parser = JsonParser.builder().textFields("/title", "body.paragraphs")
                .metadataField("author", "meta.author").metadataField("year", "/meta/year")
                .metadataField("score", "meta.score").metadataField("draft", "meta.draft")
                .metadataField("tags", "meta.tags").metadataField("absent", "meta.nothing").build();
        String json = "{\"title\":\"Bridges\",\"body\":{\"paragraphs\":[\"Stone lasts.\",\"Wood burns.\"]},"
                + "\"meta\":{\"author\":\"Ada\",\"year\":1843,\"score\":4.5,\"draft\":false,\"tags\":[\"civil\",7]}}";
        Document d = parser.parse(input("article.json", json), ParseLimits.DEFAULTS);
        assertThat(d.text()).isEqualTo("Bridges\n\nStone lasts.\nWood burns.");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("/title"), List.of("body.paragraphs"));
        assertThat(d.text().substring(d.sections().get(1).start(), d.sections().get(1).end()))
                .isEqualTo("Stone lasts.\nWood burns.");
        assertThat(d.metadata()).containsExactly(entry("author", "Ada"), entry("year", 1843L), entry("score", 4.5),
                entry("draft", false), entry("tags", List.of("civil", "7")));
    }

    @Test
    void jsonLinesIsOneDocumentWithASectionPerRecordThatCarriesItsLineAndMetadata() {
        JsonLinesParser parser = JsonLinesParser.builder().textFields("question", "answer")
                .metadataField("id", "id").build();
        String jsonl = "{\"id\":\"q1\",\"question\":\"Why?\",\"answer\":\"Because.\"}\n\n"
                + "{\"id\":\"q2\",\"other\":1}\n{\"id\":\"q3\",\"answer\":\"Yes.\"}\r\n";
        Document d = parser.parse(input("faq.jsonl", jsonl), ParseLimits.DEFAULTS);
        assertThat(d.text()).isEqualTo("Why?\n\nBecause.\n\nYes.");
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("line 1"), List.of("line 4"));
        assertThat(d.sections().get(1).metadata()).containsExactly(entry("line", 4L), entry("id", "q3"));
        assertThat(d.metadata()).containsEntry("linesWithoutText", 1L);

        List<Chunk> chunks = Chunkers.characters(1000, 100).chunk(d);
        assertThat(chunks).extracting(Chunk::text).containsExactly("Why?\n\nBecause.", "Yes.");
        assertThat(chunks.get(0).metadata()).contains(entry("line", 1L), entry("id", "q1"),
                entry(Chunk.SECTION_KEY, List.of("line 1")));
    }

    @Test
    void aJsonLinesFileWithoutAnyTextIsRefusedCountingItsLines() {
        assertThatThrownBy(() -> JsonLinesParser.builder().build().parse(input("x.jsonl", "{\"a\":1}\n{\"b\":2}"),
                ParseLimits.DEFAULTS)).isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectionReason.NO_TEXT);
                    assertThat(e.detail()).startsWith("none of the 2 lines has a text field [text, content, body]");
                });
    }

    @Test
    void badFieldConfigurationIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> JsonParser.builder().textFields().build()).hasMessageContaining("at least one text field");
        assertThatThrownBy(() -> JsonParser.builder().textFields("a..b").build()).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> JsonParser.builder().metadataField("bad key", "a").build())
                .hasMessageContaining("metadata key 'bad key'");
    }
}
