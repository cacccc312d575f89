package dev.aio.core.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text of one object version with its structure: sections (headings, records) and pages as
 * character ranges of {@link #text()}, and typed metadata. Immutable and thread-safe; built by a
 * {@link DocumentParser} through {@link #builder}.
 *
 * <p>Offsets are Java {@code String} indexes (UTF-16 code units) into {@code text()}. Sections
 * are in text order and do not overlap; text outside every section (a preamble before the first
 * heading) belongs to no section. Pages, where the format has them, are in order, do not
 * overlap and together cover the text.
 */
public final class Document {

    private final DocumentSource source;
    private final String parser;
    private final String text;
    private final List<Section> sections;
    private final List<Page> pages;
    private final Map<String, Object> metadata;

    private Document(Builder b) {
        this.source = b.source;
        this.parser = b.parser;
        this.text = b.text;
        this.sections = List.copyOf(b.sections);
        this.pages = List.copyOf(b.pages);
        this.metadata = MetadataValues.copyOf(b.metadata);
    }

    /**
     * Starts a document.
     *
     * @param source the object it was parsed from
     * @param parser the name of the parser that made it
     * @param text the whole text
     * @return a builder
     */
    public static Builder builder(DocumentSource source, String parser, String text) {
        return new Builder(source, parser, text);
    }

    /** @return the object this document was parsed from */
    public DocumentSource source() {
        return source;
    }

    /** @return the name of the parser that made it */
    public String parser() {
        return parser;
    }

    /** @return the whole text */
    public String text() {
        return text;
    }

    /** @return the sections in text order; empty for unstructured text */
    public List<Section> sections() {
        return sections;
    }

    /** @return the pages in order; empty where the format has no pages */
    public List<Page> pages() {
        return pages;
    }

    /**
     * Metadata for every chunk of the document (a title, an author). Values are {@code String},
     * {@code Long}, {@code Double}, {@code Boolean} or a list of strings, as vector records take.
     *
     * @return an unmodifiable, ordered map
     */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * The page holding a character.
     *
     * @param offset an offset into {@link #text()}; the text's length counts as on the last page
     * @return the page number from 1, or 0 when the document has no pages
     * @throws IndexOutOfBoundsException when the offset is outside the text
     */
    public int pageAt(int offset) {
        Objects.checkIndex(offset, text.length() + 1);
        if (pages.isEmpty()) {
            return 0;
        }
        int lo = 0;
        int hi = pages.size() - 1;
        // The last page that starts at or before the offset: pages cover the text in order.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pages.get(mid).start() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return pages.get(lo).number();
    }

    @Override
    public String toString() {
        return "Document[" + source.label() + " parser=" + parser + " chars=" + text.length() + " sections="
                + sections.size() + " pages=" + pages.size() + "]";
    }

    /** Collects a document's parts and checks that they fit its text. Not thread-safe. */
    public static final class Builder {

        private final DocumentSource source;
        private final String parser;
        private final String text;
        private final List<Section> sections = new ArrayList<>();
        private final List<Page> pages = new ArrayList<>();
        private final Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder(DocumentSource source, String parser, String text) {
            this.source = Objects.requireNonNull(source, "source");
            this.parser = Objects.requireNonNull(parser, "parser");
            this.text = Objects.requireNonNull(text, "text");
        }

        /**
         * Adds the next section.
         *
         * @param section a section that starts at or after the previous one's end
         * @return this builder
         * @throws IllegalArgumentException when it overlaps the previous section or leaves the text
         */
        public Builder section(Section section) {
            int previousEnd = sections.isEmpty() ? 0 : sections.get(sections.size() - 1).end();
            if (section.start() < previousEnd || section.end() > text.length()) {
                throw new IllegalArgumentException("Document " + source.label() + ": section " + section.headingPath()
                        + " [" + section.start() + "," + section.end() + ") overlaps the previous section (ending at "
                        + previousEnd + ") or passes the text's end (" + text.length() + ")");
            }
            sections.add(section);
            return this;
        }

        /**
         * Adds the next page.
         *
         * @param page a page numbered after the previous one, starting where it ended
         * @return this builder
         * @throws IllegalArgumentException when pages leave a gap, overlap or leave the text
         */
        public Builder page(Page page) {
            Page previous = pages.isEmpty() ? null : pages.get(pages.size() - 1);
            int expectedStart = previous == null ? 0 : previous.end();
            if (page.start() != expectedStart || page.end() > text.length()
                    || (previous != null && page.number() <= previous.number())) {
                throw new IllegalArgumentException("Document " + source.label() + ": page " + page.number() + " ["
                        + page.start() + "," + page.end() + ") must start at " + expectedStart
                        + ", follow the previous page's number and end within the text (" + text.length() + ")");
            }
            pages.add(page);
            return this;
        }

        /**
         * Sets a metadata value.
         *
         * @param key a key vector stores accept ({@code [A-Za-z_][A-Za-z0-9_.-]*})
         * @param value a String, number, Boolean or list of strings
         * @return this builder
         * @throws IllegalArgumentException naming the key of an unsupported key or value
         */
        public Builder metadata(String key, Object value) {
            metadata.put(MetadataValues.requireKey(key), MetadataValues.normalise(key, value));
            return this;
        }

        /**
         * Builds the document.
         *
         * @return the document
         * @throws IllegalArgumentException when pages were added but do not reach the text's end
         */
        public Document build() {
            if (!pages.isEmpty() && pages.get(pages.size() - 1).end() != text.length()) {
                throw new IllegalArgumentException("Document " + source.label() + ": pages end at "
                        + pages.get(pages.size() - 1).end() + " but the text at " + text.length());
            }
            return new Document(this);
        }
    }
}
