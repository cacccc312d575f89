package dev.aio.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aio.core.document.DocumentInput;
import dev.aio.core.document.DocumentParser;
import dev.aio.core.document.DocumentSource;
import dev.aio.core.document.NoParserFoundException;
import dev.aio.core.document.Parsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With this module on the class path, the standard registry reads HTML and PDF too. */
class StandardParsersTest {

    private final Parsers standard = Parsers.standard();

    @Test
    void theHtmlAndPdfParsersAreFoundThroughTheServiceLoaderInNameOrder() {
        assertThat(standard.parsers()).extracting(DocumentParser::name)
                .containsExactly("text", "markdown", "json", "jsonl", "html", "pdf");
    }

    @Test
    void theyAreChosenByContentTypeAndByExtension() {
        byte[] pdf = Pdfs.pages(null, "hello pdf");
        assertThat(standard.parse(DocumentInput.of(DocumentSource.named("scan", "application/pdf"), pdf)).parser())
                .isEqualTo("pdf");
        assertThat(standard.parse(DocumentInput.of(DocumentSource.named("doc.PDF", null), pdf)).parser())
                .isEqualTo("pdf");
        byte[] html = "<p>hi</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(standard.parse(DocumentInput.of(DocumentSource.named("index.htm", "application/octet-stream"),
                html)).parser()).isEqualTo("html");
    }

    @Test
    void theNoneFitsErrorListsAllSixParsers() {
        NoParserFoundException e = catchThrowableOfType(NoParserFoundException.class, () -> standard.parse(
                DocumentInput.of(DocumentSource.named("sheet.xlsx", null), new byte[] {1})));
        assertThat(e.tried()).hasSize(6);
        assertThat(e.tried().get(4)).isEqualTo("html [application/xhtml+xml, text/html; .htm, .html, .xhtml]");
        assertThat(e.tried().get(5)).isEqualTo("pdf [application/pdf, application/x-pdf; .pdf]");
        assertThat(e).hasMessageContaining("content type (none) or extension '.xlsx'");
    }
}
