package dev.aio.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Document;
import dev.aio.core.document.DocumentInput;
import dev.aio.core.document.DocumentRejectedException;
import dev.aio.core.document.DocumentSource;
import dev.aio.core.document.ParseLimits;
import dev.aio.core.document.RejectionReason;
import dev.aio.core.document.Section;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlParserTest {

    private static final String PAGE = """
            <!doctype html>
            <html><head><title> Rivers of Europe </title><style>body { color: red }</style>
            <script>var tracking = "do not index";</script></head>
            <body>
              <header><a href="/">Home</a> | Site banner</header>
              <nav><ul><li>Menu one</li><li>Menu two</li></ul></nav>
              <h1>Rivers</h1>
              <p>The   Danube
                 flows east.</p>
              <p>It passes <b>ten</b> countries.<br>Second line.</p>
              <h2>Tributaries</h2>
              <ul><li>Inn</li><li>Drava</li></ul>
              <aside>Related: buy our book</aside>
              <h2>Ports</h2><table><tr><td>Vienna</td><td>Budapest</td></tr></table>
              <footer>Copyright 2024</footer>
              <noscript>Enable JavaScript</noscript>
            </body></html>
            """;

    private static Document parse(String key, String contentType, byte[] bytes) {
        return new HtmlParser().parse(DocumentInput.of(DocumentSource.named(key, contentType), bytes), ParseLimits.DEFAULTS);
    }

    private static Document parse(String html) {
        return parse("page.html", "text/html", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void boilerplateIsStrippedParagraphsStayApartAndTheTitleIsMetadata() {
        Document d = parse(PAGE);
        assertThat(d.text()).isEqualTo("Rivers\n\nThe Danube flows east.\n\nIt passes ten countries.\nSecond line."
                + "\n\nTributaries\n\nInn\nDrava\n\nPorts\n\nVienna Budapest");
        assertThat(d.metadata()).containsEntry("title", "Rivers of Europe");
        for (String boilerplate : List.of("Home", "Menu", "banner", "buy our book", "Copyright", "tracking", "color",
                "JavaScript")) {
            assertThat(d.text()).doesNotContain(boilerplate);
        }
    }

    @Test
    void headingsBecomeSectionsThatChunksInherit() {
        Document d = parse(PAGE);
        assertThat(d.sections()).extracting(Section::headingPath).containsExactly(List.of("Rivers"),
                List.of("Rivers", "Tributaries"), List.of("Rivers", "Ports"));
        List<Chunk> chunks = Chunkers.characters(500, 0).chunk(d);
        assertThat(chunks).extracting(Chunk::text).containsExactly(
                "Rivers\n\nThe Danube flows east.\n\nIt passes ten countries.\nSecond line.",
                "Tributaries\n\nInn\nDrava", "Ports\n\nVienna Budapest");
        assertThat(chunks.get(2).metadata()).containsEntry(Chunk.SECTION_KEY, List.of("Rivers", "Ports"));
    }

    @Test
    void theSingleMainElementIsTheContentAndItsOwnHeaderIsKept() {
        Document d = parse("<body><header>Site</header><main><header><h1>Post</h1></header><p>Body text.</p></main>"
                + "<footer>Foot</footer></body>");
        assertThat(d.text()).isEqualTo("Post\n\nBody text.");
        assertThat(d.metadata()).containsEntry("title", "Post");
    }

    @Test
    void theMetaCharsetDecidesWhenTheContentTypeNamesNone() {
        byte[] latin = "<html><head><meta charset=\"windows-1252\"></head><body><p>caf\u00e9 \u20ac5</p></body></html>"
                .getBytes(Charset.forName("windows-1252"));
        assertThat(parse("menu.html", null, latin).text()).isEqualTo("caf\u00e9 \u20ac5");
    }

    @Test
    void invalidUtf8BinaryAndPagesWithoutTextAreRefused() {
        byte[] latin = "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(catchThrowableOfType(DocumentRejectedException.class, () -> parse("x.html", "text/html", latin))
                .reason()).isEqualTo(RejectionReason.INVALID_ENCODING);
        byte[] binary = {'<', 'p', '>', 0, 1, 2, 3};
        assertThat(catchThrowableOfType(DocumentRejectedException.class, () -> parse("x.html", null, binary))
                .reason()).isEqualTo(RejectionReason.BINARY);
        DocumentRejectedException empty = catchThrowableOfType(DocumentRejectedException.class,
                () -> parse("<html><body><nav>only a menu</nav><script>x()</script></body></html>"));
        assertThat(empty.reason()).isEqualTo(RejectionReason.NO_TEXT);
    }
}
