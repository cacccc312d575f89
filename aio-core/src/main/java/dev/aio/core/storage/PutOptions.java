package dev.aio.core.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to write an object: its content type, user metadata and server-side encryption.
 * Immutable and thread-safe; made by {@link #builder()}, which validates as it goes.
 *
 * <pre>{@code
 * PutOptions options = PutOptions.builder()
 *     .contentType("text/markdown; charset=utf-8")
 *     .metadata("source", "crawler-7")
 *     .build();
 * }</pre>
 *
 * <p>User metadata travels as HTTP headers on S3, so keys are lower-case ASCII
 * ({@code [a-z0-9][a-z0-9._-]*}, S3 returns them lower-cased anyway), values are printable ASCII
 * without leading or trailing spaces, and all of it together is at most
 * {@value #MAX_METADATA_BYTES} bytes.
 */
public final class PutOptions {

    /** The content type of an object written without one: {@value}. */
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    /** The most user metadata (keys plus values, in bytes) an object may carry: {@value}, as in S3. */
    public static final int MAX_METADATA_BYTES = 2048;

    private static final PutOptions DEFAULTS = new PutOptions(DEFAULT_CONTENT_TYPE, Map.of(), null);
    private static final Pattern METADATA_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[\\x21-\\x7e&&[^/]]+/[\\x21-\\x7e&&[^/;]]+(\\s*;[\\x20-\\x7e]*)?");

    private final String contentType;
    private final Map<String, String> metadata;
    private final Encryption encryption;

    private PutOptions(String contentType, Map<String, String> metadata, Encryption encryption) {
        this.contentType = contentType;
        this.metadata = metadata;
        this.encryption = encryption;
    }

    /** @return no metadata, no encryption, {@value #DEFAULT_CONTENT_TYPE} */
    public static PutOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param contentType a media type such as {@code text/plain; charset=utf-8}
     * @return options with that content type and nothing else
     */
    public static PutOptions contentType(String contentType) {
        return builder().contentType(contentType).build();
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the content type, never null */
    public String contentType() {
        return contentType;
    }

    /** @return user metadata; unmodifiable, in the order given */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return the server-side encryption asked for, or {@code null} for the store's default */
    public Encryption encryption() {
        return encryption;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PutOptions o && o.contentType.equals(contentType) && o.metadata.equals(metadata)
                && Objects.equals(o.encryption, encryption);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, metadata, encryption);
    }

    @Override
    public String toString() {
        return "PutOptions{contentType=" + contentType + ", metadata=" + metadata
                + (encryption == null ? "" : ", encryption=" + encryption) + "}";
    }

    /** Builds {@link PutOptions}; refuses invalid values and values set twice. Not thread-safe. */
    public static final class Builder {

        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private int metadataBytes;
        private Encryption encryption;

        private Builder() {
        }

        /**
         * @param value a media type, {@code type/subtype} with optional parameters, ASCII
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is malformed or already set
         */
        public Builder contentType(String value) {
            if (contentType != null) {
                throw new IllegalArgumentException("contentType was already set to '" + contentType
                        + "'; it cannot be set again to '" + value + "'");
            }
            if (value == null || !CONTENT_TYPE.matcher(value).matches()) {
                throw new IllegalArgumentException("content type '" + value
                        + "' is not a media type such as 'text/plain; charset=utf-8' (printable ASCII)");
            }
            contentType = value;
            return this;
        }

        /**
         * Adds one user metadata entry.
         *
         * @param key lower-case ASCII, {@code [a-z0-9][a-z0-9._-]*}, at most 128 characters
         * @param value printable ASCII, no leading or trailing space
         * @return this builder
         * @throws IllegalArgumentException naming the key when it or its value breaks a rule, the
         *     key is already set, or the metadata grows past {@value #MAX_METADATA_BYTES} bytes
         */
        public Builder metadata(String key, String value) {
            if (key == null || !METADATA_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("metadata key '" + key
                        + "' is invalid: use lower-case ASCII letters, digits, '.', '_' or '-' (S3 returns keys lower-cased)");
            }
            if (metadata.containsKey(key)) {
                throw new IllegalArgumentException("metadata key '" + key + "' is already set");
            }
            if (value == null || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)
                    || !value.equals(value.strip())) {
                throw new IllegalArgumentException("the value of metadata key '" + key
                        + "' must be printable ASCII without leading or trailing spaces (it travels as an HTTP header)");
            }
            int bytes = metadataBytes + key.length() + value.length();
            if (bytes > MAX_METADATA_BYTES) {
                throw new IllegalArgumentException("user metadata would grow to " + bytes + " bytes with key '" + key
                        + "'; the limit is " + MAX_METADATA_BYTES);
            }
            metadataBytes = bytes;
            metadata.put(key, value);
            return this;
        }

        /**
         * Adds every entry of a map, as {@link #metadata(String, String)} does one.
         *
         * @param entries the entries
         * @return this builder
         */
        public Builder metadata(Map<String, String> entries) {
            entries.forEach(this::metadata);
            return this;
        }

        /**
         * @param value the server-side encryption; needs {@link StoreCapability#SERVER_SIDE_ENCRYPTION}
         * @return this builder
         * @throws IllegalArgumentException when already set
         */
        public Builder encryption(Encryption value) {
            Objects.requireNonNull(value, "encryption");
            if (encryption != null) {
                throw new IllegalArgumentException("encryption was already set to " + encryption);
            }
            encryption = value;
            return this;
        }

        /** @return the options */
        public PutOptions build() {
            return new PutOptions(contentType == null ? DEFAULT_CONTENT_TYPE : contentType,
                    Collections.unmodifiableMap(new LinkedHashMap<>(metadata)), encryption);
        }
    }
}
