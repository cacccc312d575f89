package dev.aio.core.storage;

import java.util.Objects;

/**
 * How to read an object: all of it or a {@link ByteRange}, the latest version or a given one,
 * and the SSE-C key it was written with. Immutable; every {@code with} method returns a copy.
 *
 * @param range the bytes to read, or {@code null} for all
 * @param versionId the version to read, or {@code null} for the latest; needs
 *     {@link StoreCapability#VERSIONING}
 * @param encryption the SSE-C key the object was written with, or {@code null}
 */
public record GetOptions(ByteRange range, String versionId, Encryption encryption) {

    private static final GetOptions ALL = new GetOptions(null, null, null);

    /**
     * @throws IllegalArgumentException when the version id is blank or the encryption is not SSE-C
     *     (only SSE-C needs anything on reads)
     */
    public GetOptions {
        if (versionId != null && versionId.isBlank()) {
            throw new IllegalArgumentException("a version id must not be blank; use null for the latest version");
        }
        if (encryption != null && encryption.kind() != Encryption.Kind.CUSTOMER_KEY) {
            throw new IllegalArgumentException("reads need only an SSE-C key; " + encryption
                    + " objects are read without options");
        }
    }

    /** @return the whole latest version */
    public static GetOptions all() {
        return ALL;
    }

    /**
     * @param range the bytes to read
     * @return options that read that range of the latest version
     */
    public static GetOptions range(ByteRange range) {
        return new GetOptions(Objects.requireNonNull(range, "range"), null, null);
    }

    /**
     * @param range the bytes to read, or {@code null} for all
     * @return a copy with that range
     */
    public GetOptions withRange(ByteRange range) {
        return new GetOptions(range, versionId, encryption);
    }

    /**
     * @param versionId the version, or {@code null} for the latest
     * @return a copy reading that version
     */
    public GetOptions withVersionId(String versionId) {
        return new GetOptions(range, versionId, encryption);
    }

    /**
     * @param customerKey the SSE-C key, or {@code null}
     * @return a copy with that key
     */
    public GetOptions withEncryption(Encryption customerKey) {
        return new GetOptions(range, versionId, customerKey);
    }
}
