package dev.aio.documents;

import dev.aio.core.document.Document;
import dev.aio.core.document.DocumentInput;
import dev.aio.core.document.DocumentParser;
import dev.aio.core.document.DocumentRejectedException;
import dev.aio.core.document.ParseLimits;
import dev.aio.core.document.RejectionReason;
import dev.aio.core.document.Section;
import dev.aio.core.document.TextDecoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * HTML pages as readable text: the page's main content (its single {@code <main>} or
 * {@code <article>} where it has one, else the body) without navigation, headers, footers,
 * asides, scripts, styles and forms; paragraphs separated by blank lines; one {@link Section}
 * per heading ({@code h1}..{@code h6}) with the path of enclosing headings; the {@code <title>}
 * (or the first {@code h1}) as the {@code title} metadata. Content types {@code text/html},
 * {@code application/xhtml+xml}; extensions {@code html}, {@code htm}, {@code xhtml}.
 *
 * <p>The charset is the content type's, else the byte order mark's, else the page's own
 * {@code <meta charset>}, else UTF-8; bytes invalid in it are refused, as are binary bytes and
 * a page with no text left ({@link RejectionReason#NO_TEXT}). Stateless and thread-safe.
 */
public final class HtmlParser implements DocumentParser {

    /** The name this parser registers under. */
    public static final String NAME = "html";

    /** Removed wherever they are: never content. */
    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, svg, canvas, form, "
            + "button, nav, aside, [role=navigation], [role=complementary], [aria-hidden=true], [hidden]";
    /** Removed when the whole body is the content: the site's own header and footer. */
    private static final String SITE_CHROME = "header, footer, [role=banner], [role=contentinfo]";

    /** Creates the parser; it has no settings. */
    public HtmlParser() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/html", "application/xhtml+xml");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("html", "htm", "xhtml");
    }

    @Override
    public Document parse(DocumentInput input, ParseLimits limits) {
        Charset declared = MetaCharset.sniff(input.copyOfRange(0, MetaCharset.SNIFF_BYTES));
        String html = TextDecoding.decode(input, NAME, limits, declared == null ? StandardCharsets.UTF_8 : declared);
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        Element root = contentRoot(page);
        root.select(NEVER_CONTENT).remove();
        if (root == page.body()) {
            root.select(SITE_CHROME).remove();
        }
        HtmlText text = HtmlText.of(root);
        if (text.text().isBlank()) {
            throw new DocumentRejectedException(input.source(), NAME, RejectionReason.NO_TEXT,
                    "the page has no text once navigation, headers, footers, scripts and styles are removed");
        }
        Document.Builder doc = Document.builder(input.source(), NAME, text.text());
        text.sections().forEach(doc::section);
        String title = page.title().isBlank() ? firstH1(text.sections()) : page.title().strip();
        if (title != null && !title.isBlank()) {
            doc.metadata("title", title);
        }
        return doc.build();
    }

    private static Element contentRoot(org.jsoup.nodes.Document page) {
        for (String selector : List.of("main, [role=main]", "article")) {
            Elements found = page.select(selector);
            if (found.size() == 1) {
                return found.first();
            }
        }
        return page.body();
    }

    private static String firstH1(List<Section> sections) {
        return sections.stream().filter(s -> s.headingPath().size() == 1).map(s -> s.headingPath().get(0))
                .findFirst().orElse(null);
    }
}
