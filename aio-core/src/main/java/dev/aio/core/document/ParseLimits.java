package dev.aio.core.document;

/**
 * How much of an object a parser accepts before it refuses it as
 * {@link RejectionReason#TOO_LARGE}, {@link RejectionReason#TOO_MANY_PAGES} or
 * {@link RejectionReason#TOO_DEEP}. They keep one hostile or accidental object from taking the
 * heap: no more than {@code maxBytes + 1} bytes are ever read. Immutable.
 *
 * @param maxBytes the most bytes of one object, at least 1
 * @param maxChars the most characters of one document's text, at least 1
 * @param maxPages the most pages of one paged document (PDF), at least 1
 * @param maxDepth the deepest nesting of a structured document (JSON arrays and objects), at least 1
 */
public record ParseLimits(long maxBytes, int maxChars, int maxPages, int maxDepth) {

    /** 32 MiB. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    /** 8 million characters, about two million tokens of English. */
    public static final int DEFAULT_MAX_CHARS = 8_000_000;
    /** 2,000 pages. */
    public static final int DEFAULT_MAX_PAGES = 2_000;
    /** 64 levels: deeper than real documents, far below what overflows a parser's stack. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    /** The defaults above. */
    public static final ParseLimits DEFAULTS = new ParseLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS,
            DEFAULT_MAX_PAGES, DEFAULT_MAX_DEPTH);

    /** @throws IllegalArgumentException when a limit is below 1, naming it and the value */
    public ParseLimits {
        requirePositive("maxBytes", maxBytes);
        requirePositive("maxChars", maxChars);
        requirePositive("maxPages", maxPages);
        requirePositive("maxDepth", maxDepth);
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("ParseLimits." + name + " must be at least 1, got " + value);
        }
    }

    /** @param value the new limit @return a copy with that {@code maxBytes} */
    public ParseLimits withMaxBytes(long value) {
        return new ParseLimits(value, maxChars, maxPages, maxDepth);
    }

    /** @param value the new limit @return a copy with that {@code maxChars} */
    public ParseLimits withMaxChars(int value) {
        return new ParseLimits(maxBytes, value, maxPages, maxDepth);
    }

    /** @param value the new limit @return a copy with that {@code maxPages} */
    public ParseLimits withMaxPages(int value) {
        return new ParseLimits(maxBytes, maxChars, value, maxDepth);
    }

    /** @param value the new limit @return a copy with that {@code maxDepth} */
    public ParseLimits withMaxDepth(int value) {
        return new ParseLimits(maxBytes, maxChars, maxPages, value);
    }
}
