package dev.aio.core.storage;

import java.util.regex.Pattern;

/**
 * The naming rules every aio store enforces, so that a bucket or key that works with one store
 * works with all of them. {@link AbstractObjectStore} applies them to every call; providers may
 * add stricter rules of their own (a filesystem cannot hold some keys S3 can).
 *
 * <ul>
 *   <li>Bucket names follow S3's rules: 3 to 63 characters of lower-case letters, digits,
 *       {@code .} and {@code -}, starting and ending with a letter or digit, no {@code ..},
 *       not shaped like an IPv4 address.</li>
 *   <li>Keys are 1 to {@value #MAX_KEY_BYTES} bytes of UTF-8; no control characters (NUL
 *       included); no leading {@code /}; no {@code .} or {@code ..} segment. Spaces, unicode,
 *       {@code % + = & ?} and deep nesting are fine.</li>
 *   <li>Prefixes follow the key rules but may be empty, may end with {@code /}, and their last,
 *       incomplete segment may be {@code .} or {@code ..} (it matches {@code .hidden}).</li>
 * </ul>
 *
 * <p>Thread-safe; all methods are static.
 */
public final class ObjectNames {

    /** The longest key, in UTF-8 bytes, as in S3. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ObjectNames() {
    }

    /**
     * Checks a bucket name.
     *
     * @param bucket the name
     * @return the name, unchanged
     * @throws InvalidObjectNameException naming the value and the rule it breaks
     */
    public static String requireValidBucket(String bucket) {
        if (bucket == null) {
            throw new InvalidObjectNameException(null, null, "a bucket name is required, got null");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw new InvalidObjectNameException(bucket, null, "invalid bucket name " + quote(bucket)
                    + ": use 3 to 63 lower-case letters, digits, '.' or '-', starting and ending with a letter or digit");
        }
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            throw new InvalidObjectNameException(bucket, null, "invalid bucket name " + quote(bucket)
                    + ": '.' may not sit next to another '.' or a '-'");
        }
        if (IPV4.matcher(bucket).matches()) {
            throw new InvalidObjectNameException(bucket, null, "invalid bucket name " + quote(bucket)
                    + ": a bucket name may not look like an IP address");
        }
        return bucket;
    }

    /**
     * Checks an object key.
     *
     * @param bucket the bucket, for the message
     * @param key the key
     * @return the key, unchanged
     * @throws InvalidObjectNameException naming the value and the rule it breaks
     */
    public static String requireValidKey(String bucket, String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidObjectNameException(bucket, key, "an object key is required in bucket " + quote(bucket)
                    + ", got " + (key == null ? "null" : "an empty key"));
        }
        checkChars(bucket, key, "key");
        if (key.startsWith("/")) {
            throw new InvalidObjectNameException(bucket, key, "invalid key " + quote(key) + " in bucket "
                    + quote(bucket) + ": a key may not start with '/'; drop the leading slash");
        }
        checkDotSegments(bucket, key, key, "key");
        return key;
    }

    /**
     * Checks a listing prefix.
     *
     * @param bucket the bucket, for the message
     * @param prefix the prefix; may be empty
     * @return the prefix, unchanged
     * @throws InvalidObjectNameException naming the value and the rule it breaks
     */
    public static String requireValidPrefix(String bucket, String prefix) {
        if (prefix == null) {
            throw new InvalidObjectNameException(bucket, null, "a prefix is required (use \"\" for the whole bucket)");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        checkChars(bucket, prefix, "prefix");
        if (prefix.startsWith("/")) {
            throw new InvalidObjectNameException(bucket, prefix, "invalid prefix " + quote(prefix)
                    + ": keys never start with '/'; drop the leading slash");
        }
        int lastSlash = prefix.lastIndexOf('/');
        if (lastSlash >= 0) {
            checkDotSegments(bucket, prefix, prefix.substring(0, lastSlash), "prefix");
        }
        return prefix;
    }

    private static void checkChars(String bucket, String value, String what) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidObjectNameException(bucket, value, "invalid " + what + " " + quote(value)
                        + ": control characters (here U+" + String.format("%04X", (int) c) + " at index " + i
                        + ") are not allowed");
            }
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!pair) {
                    throw new InvalidObjectNameException(bucket, value, "invalid " + what + " " + quote(value)
                            + ": an unpaired surrogate at index " + i + " cannot be written as UTF-8");
                }
                i++;
                bytes += 4;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (bytes > MAX_KEY_BYTES) {
            throw new InvalidObjectNameException(bucket, value, "invalid " + what + " of " + bytes
                    + " UTF-8 bytes: the limit is " + MAX_KEY_BYTES);
        }
    }

    private static void checkDotSegments(String bucket, String value, String segments, String what) {
        for (String segment : segments.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidObjectNameException(bucket, value, "invalid " + what + " " + quote(value)
                        + ": '.' and '..' segments are not allowed (they would name another key on most stores)");
            }
        }
    }

    /**
     * Renders a name for a message: in single quotes, control characters escaped as
     * {@code \\uXXXX}, cut after 200 characters.
     *
     * @param name the name, may be null
     * @return the quoted name, or {@code null} (unquoted) for null
     */
    public static String quote(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), 200) + 2).append('\'');
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (name.length() > 200) {
            out.append("...");
        }
        return out.append('\'').toString();
    }

    /**
     * Compares keys the way S3 orders them: by UTF-8 bytes, which is the order of Unicode code
     * points (not of Java's UTF-16 chars).
     *
     * @param a a key
     * @param b another key
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

}
