package dev.aio.core.document;

import java.util.Set;

/**
 * Plain text: the decoded text as it is, without sections. Content type {@code text/plain};
 * extensions {@code txt}, {@code text}, {@code log}. See {@link TextDecoding} for what is
 * refused. Stateless and thread-safe.
 */
public final class PlainTextParser implements DocumentParser {

    /** The name this parser registers under. */
    public static final String NAME = "text";

    /** Creates the parser; it has no settings. */
    public PlainTextParser() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/plain");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("txt", "text", "log");
    }

    @Override
    public Document parse(DocumentInput input, ParseLimits limits) {
        String text = TextDecoding.decode(input, NAME, limits);
        return Document.builder(input.source(), NAME, text).build();
    }
}
