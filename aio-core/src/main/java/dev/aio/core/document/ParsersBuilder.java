package dev.aio.core.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Builds a {@link Parsers} registry: which parsers, in which order, under which limits. Not
 * thread-safe; the registry it builds is.
 */
public final class ParsersBuilder {

    private final List<DocumentParser> parsers = new ArrayList<>();
    private ParseLimits limits = ParseLimits.DEFAULTS;

    ParsersBuilder() {
    }

    /**
     * Adds a parser, tried after those added before it.
     *
     * @param parser the parser
     * @return this builder
     * @throws IllegalArgumentException when a parser with the same name is already added
     */
    public ParsersBuilder add(DocumentParser parser) {
        Objects.requireNonNull(parser, "parser");
        if (has(parser.name())) {
            throw new IllegalArgumentException("Parsers: a parser named '" + parser.name() + "' is already added ("
                    + find(parser.name()).getClass().getName() + "); names must be unique");
        }
        parsers.add(parser);
        return this;
    }

    /**
     * Adds the parsers of aio-core with their default settings: {@link PlainTextParser},
     * {@link MarkdownParser}, {@link JsonParser}, {@link JsonLinesParser}. Those whose names are
     * already added are skipped, so a configured one added first wins.
     *
     * @return this builder
     */
    public ParsersBuilder addCoreParsers() {
        for (DocumentParser p : List.of(new PlainTextParser(), new MarkdownParser(), JsonParser.builder().build(),
                JsonLinesParser.builder().build())) {
            if (!has(p.name())) {
                parsers.add(p);
            }
        }
        return this;
    }

    /**
     * Adds the parsers listed in {@code META-INF/services/dev.aio.core.document.DocumentParser}
     * on the class path (aio-documents lists its HTML and PDF parsers there), sorted by name so
     * the order, and with it the fingerprint, does not depend on the class path's order. Those
     * whose names are already added are skipped.
     *
     * @return this builder
     */
    public ParsersBuilder addInstalled() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<DocumentParser> found = new ArrayList<>();
        ServiceLoader.load(DocumentParser.class, loader == null ? Parsers.class.getClassLoader() : loader)
                .forEach(found::add);
        found.sort(Comparator.comparing(DocumentParser::name));
        for (DocumentParser p : found) {
            if (!has(p.name())) {
                parsers.add(p);
            }
        }
        return this;
    }

    /**
     * Sets all limits at once.
     *
     * @param limits the limits
     * @return this builder
     */
    public ParsersBuilder limits(ParseLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * Sets the most bytes of one object.
     *
     * @param maxBytes at least 1
     * @return this builder
     * @throws IllegalArgumentException naming the value when below 1
     */
    public ParsersBuilder maxBytes(long maxBytes) {
        limits = limits.withMaxBytes(maxBytes);
        return this;
    }

    /**
     * Sets the most characters of one document's text.
     *
     * @param maxChars at least 1
     * @return this builder
     * @throws IllegalArgumentException naming the value when below 1
     */
    public ParsersBuilder maxChars(int maxChars) {
        limits = limits.withMaxChars(maxChars);
        return this;
    }

    /**
     * Sets the most pages of one paged document.
     *
     * @param maxPages at least 1
     * @return this builder
     * @throws IllegalArgumentException naming the value when below 1
     */
    public ParsersBuilder maxPages(int maxPages) {
        limits = limits.withMaxPages(maxPages);
        return this;
    }

    /**
     * Sets the deepest nesting of a structured document.
     *
     * @param maxDepth at least 1
     * @return this builder
     * @throws IllegalArgumentException naming the value when below 1
     */
    public ParsersBuilder maxDepth(int maxDepth) {
        limits = limits.withMaxDepth(maxDepth);
        return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry; it may be empty, and then refuses every object naming no parser tried
     */
    public Parsers build() {
        return new Parsers(parsers, limits);
    }

    private boolean has(String name) {
        return find(name) != null;
    }

    private DocumentParser find(String name) {
        for (DocumentParser p : parsers) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
