package dev.aio.core.document;

/**
 * Why a parser refused an object. Every reason is permanent for that object version: parsing it
 * again gives the same answer, so none is retried.
 */
public enum RejectionReason {
    /** No parser accepts the object's content type or extension. */
    UNSUPPORTED_TYPE,
    /** The object has no bytes, or only whitespace. */
    EMPTY,
    /** A text parser was given bytes that look binary (NUL bytes, many control characters). */
    BINARY,
    /** The bytes are not valid in the text's charset (UTF-8 unless the content type says otherwise). */
    INVALID_ENCODING,
    /** The bytes do not follow the format (a broken PDF, malformed JSON). */
    CORRUPT,
    /** The object is larger than {@link ParseLimits#maxBytes()} or its text longer than {@link ParseLimits#maxChars()}. */
    TOO_LARGE,
    /** The document has more pages than {@link ParseLimits#maxPages()}. */
    TOO_MANY_PAGES,
    /** The document nests deeper than {@link ParseLimits#maxDepth()}. */
    TOO_DEEP,
    /** The document is well formed but holds no text to index (a scanned PDF, JSON without the text fields). */
    NO_TEXT,
    /** The document is encrypted and cannot be read without a password. */
    ENCRYPTED
}
