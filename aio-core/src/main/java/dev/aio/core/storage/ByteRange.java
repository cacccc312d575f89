package dev.aio.core.storage;

/**
 * A range of bytes of an object: {@code length} bytes from {@code offset}, or everything from
 * {@code offset} to the end when {@code length} is {@link #TO_END}. A range that runs past the end
 * of the object is cut at the end; one that starts at or past the end reads no bytes.
 *
 * @param offset the first byte, counted from 0; not negative
 * @param length how many bytes, at least 1, or {@link #TO_END}
 */
public record ByteRange(long offset, long length) {

    /** The length that means "to the end of the object". */
    public static final long TO_END = -1;

    /**
     * @throws IllegalArgumentException naming the value when offset is negative or length is
     *     neither positive nor {@link #TO_END}
     */
    public ByteRange {
        if (offset < 0) {
            throw new IllegalArgumentException("a byte range's offset must be >= 0, got " + offset);
        }
        if (length < 1 && length != TO_END) {
            throw new IllegalArgumentException(
                    "a byte range's length must be >= 1, or ByteRange.TO_END for the rest, got " + length);
        }
    }

    /**
     * @param offset the first byte
     * @param length how many bytes; at least 1
     * @return the range {@code [offset, offset + length)}
     */
    public static ByteRange of(long offset, long length) {
        if (length == TO_END) {
            throw new IllegalArgumentException("use ByteRange.from(offset) for a range to the end");
        }
        return new ByteRange(offset, length);
    }

    /**
     * @param offset the first byte
     * @return the range from {@code offset} to the end of the object
     */
    public static ByteRange from(long offset) {
        return new ByteRange(offset, TO_END);
    }

    /** @return whether the range runs to the end of the object */
    public boolean toEnd() {
        return length == TO_END;
    }

    /**
     * The last byte of the range, inclusive, as HTTP's {@code Range: bytes=first-last} wants it.
     *
     * @return the last byte, or -1 for a range to the end
     */
    public long lastInclusive() {
        return toEnd() ? -1 : offset + length - 1;
    }
}
