package dev.aio.core.document;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The bytes of one object, already read within {@link ParseLimits#maxBytes()}, with where they
 * came from: what a {@link DocumentParser} is given. Immutable; the bytes are never handed out
 * for writing.
 */
public final class DocumentInput {

    private final DocumentSource source;
    private final String contentType;
    private final byte[] bytes;

    private DocumentInput(DocumentSource source, String contentType, byte[] bytes) {
        this.source = Objects.requireNonNull(source, "source");
        this.contentType = contentType;
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /**
     * An input whose content type is the one its source reports.
     *
     * @param source where the bytes came from
     * @param bytes the bytes; copied
     * @return the input
     */
    public static DocumentInput of(DocumentSource source, byte[] bytes) {
        return new DocumentInput(source, source.contentType(), bytes.clone());
    }

    /** Wraps bytes the caller gives up; used by {@link Parsers} to avoid a copy of a large object. */
    static DocumentInput wrap(DocumentSource source, byte[] bytes) {
        return new DocumentInput(source, source.contentType(), bytes);
    }

    /** @return where the bytes came from */
    public DocumentSource source() {
        return source;
    }

    /** @return the full content type, parameters included, or {@code null} when not known */
    public String contentType() {
        return contentType;
    }

    /**
     * The media type without parameters, lower case.
     *
     * @return for example {@code "text/markdown"}, or {@code null} when not known
     */
    public String mediaType() {
        return mediaTypeOf(contentType);
    }

    /** The media type of a content type: parameters dropped, lower case; {@code null} for none. */
    static String mediaTypeOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code charset} parameter of the content type.
     *
     * @return the charset name as given, or {@code null} when the content type names none
     */
    public String charsetParameter() {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    /** @return the number of bytes */
    public int length() {
        return bytes.length;
    }

    /** @return a new stream over the bytes */
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    /**
     * Copies a range of the bytes.
     *
     * @param from the first byte, inclusive
     * @param to the last byte, exclusive; clamped to the length
     * @return the copy
     */
    public byte[] copyOfRange(int from, int to) {
        return Arrays.copyOfRange(bytes, from, Math.min(to, bytes.length));
    }

    /** Direct access for {@link TextDecoding}, which only reads. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "DocumentInput[" + source.label() + " " + contentType + " " + bytes.length + " bytes]";
    }
}
