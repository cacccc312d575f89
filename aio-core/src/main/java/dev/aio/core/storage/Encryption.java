package dev.aio.core.storage;

import dev.aio.core.Secret;
import java.util.Base64;
import java.util.Objects;

/**
 * A server-side encryption request passed through to stores that have
 * {@link StoreCapability#SERVER_SIDE_ENCRYPTION}: SSE-S3 (keys managed by the store), SSE-KMS
 * (a key id in the store's KMS) or SSE-C (a key the caller supplies on every write and read).
 * Immutable; {@link #toString()} never shows a customer key.
 */
public final class Encryption {

    /** The kinds of server-side encryption. */
    public enum Kind {
        /** SSE-S3: the store encrypts with keys it manages. */
        S3,
        /** SSE-KMS: the store encrypts with a key from its key management service. */
        KMS,
        /** SSE-C: the caller supplies a 256-bit AES key with each request. */
        CUSTOMER_KEY
    }

    private final Kind kind;
    private final String kmsKeyId;
    private final Secret customerKey;

    private Encryption(Kind kind, String kmsKeyId, Secret customerKey) {
        this.kind = kind;
        this.kmsKeyId = kmsKeyId;
        this.customerKey = customerKey;
    }

    /** @return SSE-S3 */
    public static Encryption s3() {
        return new Encryption(Kind.S3, null, null);
    }

    /**
     * @param keyId the KMS key id; not blank
     * @return SSE-KMS with that key
     */
    public static Encryption kms(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("SSE-KMS needs a non-blank key id");
        }
        return new Encryption(Kind.KMS, keyId, null);
    }

    /**
     * @param base64Key a 256-bit AES key, Base64-encoded
     * @return SSE-C with that key; reads of the object need the same key ({@link GetOptions#encryption()})
     * @throws IllegalArgumentException when the value is not Base64 of 32 bytes (the message never
     *     shows the value)
     */
    public static Encryption customerKey(Secret base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        int bytes = base64Key.withValue(chars -> {
            try {
                return Base64.getDecoder().decode(new String(chars)).length;
            } catch (IllegalArgumentException e) {
                return -1;
            }
        });
        if (bytes != 32) {
            throw new IllegalArgumentException("an SSE-C key must be 32 bytes (256-bit AES), Base64-encoded; "
                    + (bytes < 0 ? "the value given is not Base64" : "the value given decodes to " + bytes + " bytes"));
        }
        return new Encryption(Kind.CUSTOMER_KEY, null, base64Key);
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the KMS key id, or {@code null} unless {@link Kind#KMS} */
    public String kmsKeyId() {
        return kmsKeyId;
    }

    /** @return the customer key, or {@code null} unless {@link Kind#CUSTOMER_KEY} */
    public Secret customerKey() {
        return customerKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Encryption e && e.kind == kind && Objects.equals(e.kmsKeyId, kmsKeyId)
                && Objects.equals(e.customerKey, customerKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, kmsKeyId);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case S3 -> "SSE-S3";
            case KMS -> "SSE-KMS(" + kmsKeyId + ")";
            case CUSTOMER_KEY -> "SSE-C(" + Secret.REDACTED + ")";
        };
    }
}
