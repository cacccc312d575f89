package dev.aio.core.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns the bytes of a text format into a {@code String}, refusing what is not text instead of
 * guessing: empty input, binary bytes, bytes invalid in the charset, text over
 * {@link ParseLimits#maxChars()}. For parsers in any module; stateless and thread-safe.
 *
 * <p>The charset is the content type's {@code charset} parameter when there is one, else the
 * byte order mark's (UTF-8, UTF-16LE/BE; the mark is not part of the text), else UTF-8.
 * Malformed bytes are an error, never replaced by U+FFFD: a silently damaged text would be
 * embedded and cited as if it were the source.
 */
public final class TextDecoding {

    /** How many leading bytes are inspected for signs of binary content. */
    public static final int SNIFF_BYTES = 8192;

    /** Above this share of control characters in the sniffed bytes, input counts as binary. */
    public static final double MAX_CONTROL_RATIO = 0.10;

    private TextDecoding() {
    }

    /**
     * Decodes a text object.
     *
     * @param input the bytes
     * @param parser the calling parser's name, for messages
     * @param limits the limits; {@code maxChars} is enforced while decoding
     * @return the text, without a byte order mark
     * @throws DocumentRejectedException {@link RejectionReason#EMPTY} for no bytes or only whitespace,
     *     {@link RejectionReason#BINARY}, {@link RejectionReason#INVALID_ENCODING} or
     *     {@link RejectionReason#TOO_LARGE}
     */
    public static String decode(DocumentInput input, String parser, ParseLimits limits) {
        return decode(input, parser, limits, StandardCharsets.UTF_8);
    }

    /**
     * Decodes a text object whose format may name its own charset (an HTML {@code <meta charset>}).
     *
     * @param input the bytes
     * @param parser the calling parser's name, for messages
     * @param limits the limits; {@code maxChars} is enforced while decoding
     * @param fallback the charset when neither the content type nor a byte order mark names one
     * @return the text, without a byte order mark
     * @throws DocumentRejectedException as {@link #decode(DocumentInput, String, ParseLimits)}
     */
    public static String decode(DocumentInput input, String parser, ParseLimits limits, Charset fallback) {
        byte[] bytes = input.bytes();
        DocumentSource source = input.source();
        if (bytes.length == 0) {
            throw new DocumentRejectedException(source, parser, RejectionReason.EMPTY, "the object has 0 bytes");
        }
        int bomLength = 0;
        Charset charset = declaredCharset(input, parser);
        if (charset != null) {
            // A mark that agrees with the declared charset is still a mark, not text.
            if (charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
                bomLength = 3;
            } else if ((charset.equals(StandardCharsets.UTF_16LE) && startsWith(bytes, 0xFF, 0xFE))
                    || (charset.equals(StandardCharsets.UTF_16BE) && startsWith(bytes, 0xFE, 0xFF))) {
                bomLength = 2;
            }
        } else {
            if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
                charset = StandardCharsets.UTF_8;
                bomLength = 3;
            } else if (startsWith(bytes, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                bomLength = 2;
            } else if (startsWith(bytes, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                bomLength = 2;
            } else {
                charset = fallback;
            }
        }
        boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
        if (!wide) {
            rejectBinary(input, parser, bomLength);
        }
        String text = strictDecode(input, parser, charset, bomLength, limits.maxChars());
        if (text.isBlank()) {
            throw new DocumentRejectedException(source, parser, RejectionReason.EMPTY,
                    "the object's " + bytes.length + " bytes hold only whitespace");
        }
        return text;
    }

    /**
     * Refuses input whose first {@value #SNIFF_BYTES} bytes look binary: a NUL byte, or more than
     * {@value #MAX_CONTROL_RATIO} of them control characters other than tab, line feed, form
     * feed, carriage return and escape. Use for single-byte and UTF-8 texts only.
     *
     * @param input the bytes
     * @param parser the calling parser's name, for messages
     * @param from the first byte to look at (after a byte order mark)
     * @throws DocumentRejectedException {@link RejectionReason#BINARY}
     */
    public static void rejectBinary(DocumentInput input, String parser, int from) {
        byte[] bytes = input.bytes();
        int to = Math.min(bytes.length, from + SNIFF_BYTES);
        int controls = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                throw new DocumentRejectedException(input.source(), parser, RejectionReason.BINARY,
                        "a NUL byte at offset " + i + " shows binary content, not text");
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1B) || b == 0x7F) {
                controls++;
            }
        }
        int sniffed = to - from;
        if (sniffed > 0 && controls > sniffed * MAX_CONTROL_RATIO) {
            throw new DocumentRejectedException(input.source(), parser, RejectionReason.BINARY, controls
                    + " control characters in the first " + sniffed + " bytes (more than "
                    + (int) (MAX_CONTROL_RATIO * 100) + "%) show binary content, not text");
        }
    }

    private static Charset declaredCharset(DocumentInput input, String parser) {
        String name = input.charsetParameter();
        if (name == null || name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DocumentRejectedException(input.source(), parser, RejectionReason.INVALID_ENCODING,
                    "the content type names charset '" + name + "', which this JVM does not support", e);
        }
    }

    private static String strictDecode(DocumentInput input, String parser, Charset charset, int from, int maxChars) {
        byte[] bytes = input.bytes();
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        // No charset here yields more chars than bytes; one char more than the limit is how an over-long
        // text is noticed without decoding all of it.
        int capacity = (int) Math.min((long) maxChars + 1, (long) (bytes.length - from) + 1);
        CharBuffer out = CharBuffer.allocate(capacity);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError() && !result.isOverflow()) {
            result = decoder.flush(out);
        }
        if (result.isOverflow() || out.position() > maxChars) {
            throw new DocumentRejectedException(input.source(), parser, RejectionReason.TOO_LARGE,
                    "the text is longer than " + maxChars + " characters (ParseLimits.maxChars)");
        }
        if (result.isError()) {
            int at = in.position();
            throw new DocumentRejectedException(input.source(), parser, RejectionReason.INVALID_ENCODING,
                    "invalid " + charset.name() + " at byte " + at + " (line " + lineOf(bytes, from, at)
                            + "); convert the file to " + charset.name() + " or declare its charset in the content type");
        }
        return out.flip().toString();
    }

    private static int lineOf(byte[] bytes, int from, int at) {
        int line = 1;
        for (int i = from; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
