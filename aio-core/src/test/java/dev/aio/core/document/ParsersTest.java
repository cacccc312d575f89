package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aio.core.storage.PutOptions;
import dev.aio.core.storage.StoredObject;
import dev.aio.core.testing.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParsersTest {

    private final Parsers parsers = Parsers.builder().addCoreParsers().build();

    private static DocumentInput input(String key, String contentType, String text) {
        return DocumentInput.of(DocumentSource.named(key, contentType), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theContentTypeChoosesTheParserBeforeTheExtension() {
        assertThat(parsers.parse(input("notes.txt", "text/markdown; charset=utf-8", "# Title\nbody")).parser())
                .isEqualTo("markdown");
        assertThat(parsers.parse(input("notes.md", "text/plain", "# Title\nbody")).parser()).isEqualTo("text");
    }

    @Test
    void theExtensionDecidesWhenTheContentTypeIsMissingGenericOrUnknown() {
        assertThat(parsers.parse(input("a/b/readme.MD", null, "# Title")).parser()).isEqualTo("markdown");
        assertThat(parsers.parse(input("readme.md", "application/octet-stream", "# T")).parser()).isEqualTo("markdown");
        assertThat(parsers.parse(input("data.jsonl", "application/x-unknown", "{\"text\":\"a\"}")).parser())
                .isEqualTo("jsonl");
    }

    @Test
    void whenNoParserFitsTheErrorListsEveryParserTriedAndWhatItTakes() {
        NoParserFoundException e = catchThrowableOfType(NoParserFoundException.class,
                () -> parsers.parse(input("slides.pptx", "application/vnd.ms-powerpoint", "x")));
        assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_TYPE);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e.tried()).containsExactly("text [text/plain; .log, .text, .txt]",
                "markdown [text/markdown, text/x-markdown; .markdown, .md]", "json [application/json; .json]",
                "jsonl [application/jsonl, application/jsonlines, application/x-ndjson; .jsonl, .ndjson]");
        assertThat(e).hasMessageStartingWith("Cannot parse memory:slides.pptx: UNSUPPORTED_TYPE: no parser accepts "
                + "content type 'application/vnd.ms-powerpoint' or extension '.pptx'; tried text [");
    }

    @Test
    void anEmptyRegistrySaysSo() {
        assertThatThrownBy(() -> Parsers.builder().build().parse(input("a.txt", null, "x")))
                .hasMessageContaining("tried none (the registry is empty)");
    }

    @Test
    void aStoredObjectIsReadAndItsVersionBecomesTheDocumentsSource() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        store.ensureBucket("docs");
        store.put("docs", "guide/intro.md", "# Intro\nHello".getBytes(StandardCharsets.UTF_8),
                PutOptions.contentType("text/markdown"));
        StoredObject object = new StoredObject(store, store.stat("docs", "guide/intro.md"));
        Document document = parsers.apply(object);
        assertThat(document.text()).isEqualTo("# Intro\nHello");
        assertThat(document.source().store()).isEqualTo(store.name());
        assertThat(document.source().key()).isEqualTo("guide/intro.md");
        assertThat(document.source().etag()).isEqualTo(object.etag());
        assertThat(document.metadata()).containsEntry("title", "Intro");
    }

    @Test
    void parserNamesAreUniqueAndAConfiguredParserAddedFirstWins() {
        JsonParser configured = JsonParser.builder().textFields("summary").build();
        Parsers custom = Parsers.builder().add(configured).addCoreParsers().build();
        assertThat(custom.parsers()).extracting(DocumentParser::name).containsExactly("json", "text", "markdown", "jsonl");
        assertThat(custom.parsers().get(0)).isSameAs(configured);
        assertThatThrownBy(() -> Parsers.builder().add(new PlainTextParser()).add(new PlainTextParser()))
                .hasMessageContaining("a parser named 'text' is already added");
    }

    @Test
    void theDescriptionChangesWithParserSettingsAndLimits() {
        Object base = parsers.describe();
        assertThat(Parsers.builder().addCoreParsers().build().describe()).isEqualTo(base);
        assertThat(Parsers.builder().addCoreParsers().maxBytes(10).build().describe()).isNotEqualTo(base);
        assertThat(Parsers.builder().add(JsonParser.builder().textFields("summary").build()).addCoreParsers().build()
                .describe()).isNotEqualTo(base);
        assertThat(parsers.toBuilder().build().describe()).isEqualTo(base);
    }

    @Test
    void limitsBelowOneAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> Parsers.builder().maxPages(0)).hasMessage("ParseLimits.maxPages must be at least 1, got 0");
        assertThatThrownBy(() -> Parsers.builder().maxBytes(-5)).hasMessage("ParseLimits.maxBytes must be at least 1, got -5");
    }
}
