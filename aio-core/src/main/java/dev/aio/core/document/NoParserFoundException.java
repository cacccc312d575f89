package dev.aio.core.document;

import java.util.List;

/**
 * No registered parser accepts an object's content type or extension. The message lists every
 * parser tried with what it accepts, so the fix (add a parser, set the content type, rename the
 * object) is visible from the dead letter alone.
 */
public final class NoParserFoundException extends DocumentRejectedException {

    private final List<String> tried;

    /**
     * Creates the exception.
     *
     * @param source the object
     * @param mediaType the media type looked up, or {@code null}
     * @param extension the extension looked up, possibly empty
     * @param tried each parser tried, described as {@code name [types; extensions]}
     */
    public NoParserFoundException(DocumentSource source, String mediaType, String extension, List<String> tried) {
        super(source, null, RejectionReason.UNSUPPORTED_TYPE, "no parser accepts content type "
                + (mediaType == null ? "(none)" : "'" + mediaType + "'") + " or extension "
                + (extension.isEmpty() ? "(none)" : "'." + extension + "'") + "; tried "
                + (tried.isEmpty() ? "none (the registry is empty)" : String.join(", ", tried))
                + ". Add a parser with Parsers.builder().add(...), or store the object with a supported content type");
        this.tried = List.copyOf(tried);
    }

    /** @return each parser tried, in order, as {@code name [types; extensions]} */
    public List<String> tried() {
        return tried;
    }
}
