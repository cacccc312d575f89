package dev.aio.storage.fs.internal;

import dev.aio.core.storage.InvalidObjectNameException;
import dev.aio.core.storage.ObjectNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Maps keys to files under a bucket directory, refusing keys a filesystem cannot hold or that
 * would leave the bucket. Core has already refused control characters, a leading '/', and '.' or
 * '..' segments; this adds the filesystem's own rules.
 */
public final class KeyPaths {

    /** The name suffix of metadata sidecars; keys with a segment ending in it are refused. */
    public static final String SIDECAR_SUFFIX = ".aio-meta";
    /** The longest path segment in bytes, leaving room for the sidecar suffix within 255. */
    public static final int MAX_SEGMENT_BYTES = 255 - SIDECAR_SUFFIX.length();

    private KeyPaths() {
    }

    /**
     * @param bucketDir the bucket's directory, absolute and normalised
     * @param bucket the bucket, for messages
     * @param key a key core has validated
     * @return the object's file
     * @throws InvalidObjectNameException when the filesystem cannot hold the key
     */
    public static Path resolve(Path bucketDir, String bucket, String key) {
        String problem = problem(key);
        if (problem != null) {
            throw new InvalidObjectNameException(bucket, key, "the filesystem store cannot hold key "
                    + ObjectNames.quote(key) + ": " + problem);
        }
        Path file = bucketDir.resolve(key).normalize();
        if (!file.startsWith(bucketDir) || file.equals(bucketDir)) {
            throw new InvalidObjectNameException(bucket, key, "key " + ObjectNames.quote(key)
                    + " would resolve outside its bucket's directory; it is refused");
        }
        return file;
    }

    /**
     * @param key a key
     * @return why the filesystem cannot hold the key, or {@code null} if it can
     */
    public static String problem(String key) {
        if (key.indexOf('\\') >= 0) {
            return "a backslash is a path separator on some systems; use '/'";
        }
        if (key.indexOf(':') >= 0 && key.length() >= 2 && key.charAt(1) == ':') {
            return "it looks like a drive-letter path";
        }
        if (key.endsWith("/")) {
            return "a key ending in '/' would be a folder, not a file";
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty segment ('//')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'.' and '..' segments are not allowed";
            }
            if (segment.endsWith(SIDECAR_SUFFIX)) {
                return "segments ending in '" + SIDECAR_SUFFIX + "' are reserved for metadata sidecars";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return "a segment is longer than " + MAX_SEGMENT_BYTES + " UTF-8 bytes";
            }
        }
        return null;
    }

    /**
     * @param file an object's file
     * @return its metadata sidecar, beside it
     */
    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName().toString() + SIDECAR_SUFFIX);
    }

    /**
     * @param name a file name
     * @return whether it names a sidecar
     */
    public static boolean isSidecar(String name) {
        return name.endsWith(SIDECAR_SUFFIX);
    }
}
