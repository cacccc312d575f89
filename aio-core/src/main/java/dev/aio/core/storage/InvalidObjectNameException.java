package dev.aio.core.storage;

/**
 * A bucket name, key or prefix breaks the {@linkplain ObjectNames naming rules} of aio or of the
 * store (a filesystem store also refuses keys that would escape its root). Raised before any
 * byte is written. Not retriable.
 */
public class InvalidObjectNameException extends StorageRequestException {

    /**
     * @param bucket the bucket, or {@code null}
     * @param key the key or prefix, or {@code null}
     * @param detail which value breaks which rule
     */
    public InvalidObjectNameException(String bucket, String key, String detail) {
        super(null, bucket, key, detail, null);
    }
}
